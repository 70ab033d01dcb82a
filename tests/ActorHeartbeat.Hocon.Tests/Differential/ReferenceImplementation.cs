using System.Diagnostics;
using System.Text;

namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>
/// Lightbend Config 1.3.1 (Debian package libtypesafe-config-java) driven by <c>Driver.java</c> through
/// Java's single-file source launcher: one JVM for the whole corpus.
/// </summary>
internal static class ReferenceImplementation
{
    /// <summary>Where the Debian package installs the jar.</summary>
    public const string JarPath = "/usr/share/java/typesafe-config.jar";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Why the reference cannot run here, or null when java and the jar are both present.</summary>
    public static string? MissingPeerReason()
    {
        if (FindJava() is null)
        {
            return "java is not installed (neither $JAVA_HOME/bin/java nor java on PATH); install Java 17";
        }

        return File.Exists(JarPath) ? null : $"{JarPath} is missing; install the Debian package libtypesafe-config-java";
    }

    /// <summary>Runs the driver on <paramref name="caseFiles"/> and returns one outcome per file, in order.</summary>
    public static IReadOnlyList<CaseOutcome> Run(IReadOnlyList<string> caseFiles)
    {
        string java = FindJava() ?? throw new InvalidOperationException("java not found");
        string driver = Path.Combine(AppContext.BaseDirectory, "Differential", "Driver.java");
        // A fresh, empty working directory: 1.3.1 resolves file("...") includes against it (see KnownDifferences).
        DirectoryInfo workingDirectory = Directory.CreateTempSubdirectory("ahb-reference-");
        try
        {
            var start = new ProcessStartInfo(java)
            {
                WorkingDirectory = workingDirectory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-cp");
            start.ArgumentList.Add(JarPath);
            start.ArgumentList.Add(driver);
            foreach (string file in caseFiles)
            {
                start.ArgumentList.Add(file);
            }

            IsolateEnvironment(start.Environment);
            return ReadOutcomes(start, caseFiles.Count);
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<CaseOutcome> ReadOutcomes(ProcessStartInfo start, int expectedLines)
    {
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start java");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The reference driver did not finish within {Patience}.");
        }

        process.WaitForExit();
        string[] lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .ToArray();
        if (process.ExitCode != 0 || lines.Length != expectedLines)
        {
            throw new InvalidOperationException(
                $"The reference driver exited with {process.ExitCode} after {lines.Length} of {expectedLines} lines.\n"
                + $"stderr:\n{stderr.Result}");
        }

        return lines.Select(CaseOutcome.FromDriverLine).ToArray();
    }

    // The reference sees only the corpus variables (plus what a JVM needs), so ${NAME} fallbacks are deterministic.
    private static void IsolateEnvironment(IDictionary<string, string?> environment)
    {
        string[] keep = ["PATH", "HOME", "JAVA_HOME", "TMPDIR", "LANG", "LC_ALL"];
        var kept = keep.Where(environment.ContainsKey).ToDictionary(name => name, name => environment[name]);
        environment.Clear();
        foreach ((string name, string? value) in kept)
        {
            environment[name] = value;
        }

        foreach ((string name, string value) in Corpus.Environment)
        {
            environment[name] = value;
        }
    }

    private static string? FindJava()
    {
        string? javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        if (!string.IsNullOrEmpty(javaHome) && File.Exists(Path.Combine(javaHome, "bin", "java")))
        {
            return Path.Combine(javaHome, "bin", "java");
        }

        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "java"))
            .FirstOrDefault(File.Exists);
    }
}
