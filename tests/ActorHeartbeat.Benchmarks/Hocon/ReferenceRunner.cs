using System.Diagnostics;
using System.Globalization;

namespace ActorHeartbeat.Benchmarks.Hocon;

/// <summary>Runs ReferenceBench.java (Lightbend Config 1.3.1 from the Debian package) on the benchmark file.</summary>
internal static class ReferenceRunner
{
    public const string JarPath = "/usr/share/java/typesafe-config.jar";

    /// <summary>Why the reference cannot run here, or null.</summary>
    public static string? MissingReason() =>
        FindJava() is null ? "java not found (JAVA_HOME or PATH)"
        : !File.Exists(JarPath) ? $"{JarPath} missing (Debian package libtypesafe-config-java)"
        : null;

    /// <summary>
    /// Warms the JVM up with <paramref name="warmupRuns"/> runs on <paramref name="warmupFile"/>, then times
    /// <paramref name="runs"/> runs on <paramref name="file"/>.
    /// </summary>
    public static Measurement Run(
        string file, int connections, int runs, string warmupFile, int warmupConnections, int warmupRuns, out string javaVersion)
    {
        var start = new ProcessStartInfo(FindJava()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "-cp", JarPath, Path.Combine(AppContext.BaseDirectory, "Hocon", "ReferenceBench.java"),
            file, Text(connections), Text(runs), warmupFile, Text(warmupConnections), Text(warmupRuns),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start java");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ReferenceBench.java exited with {process.ExitCode}:\n{stderr.Result}");
        }

        Dictionary<string, string> fields = stdout.Result.Trim().Split('\n')[^1]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        javaVersion = fields["java"];
        double allocated = Number(fields["allocated_mb"]);
        return new Measurement(
            "Lightbend Config 1.3.1 (Java)",
            Number(fields["median_ms"]),
            Number(fields["min_ms"]),
            allocated < 0 ? null : allocated);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string? FindJava()
    {
        string? javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        if (!string.IsNullOrEmpty(javaHome) && File.Exists(Path.Combine(javaHome, "bin", "java")))
        {
            return Path.Combine(javaHome, "bin", "java");
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "java"))
            .FirstOrDefault(File.Exists);
    }
}
