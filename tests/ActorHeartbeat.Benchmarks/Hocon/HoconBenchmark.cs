using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorHeartbeat.Hocon;

namespace ActorHeartbeat.Benchmarks.Hocon;

/// <summary>
/// The <c>hocon</c> suite: parse + resolve of a generated configuration (<see cref="BenchmarkConfig"/>,
/// 10,000 connections, about 1 MB; 1,000 with <c>--quick</c>) by our parser and by Lightbend Config 1.3.1
/// in the same run, each warmed up first, then the median of repeated timed runs. Prints one Markdown table.
/// </summary>
/// <remarks>
/// The reference's resolve is quadratic in the number of entries that substitute into one object
/// (about two minutes per run at 10,000 entries), so its JVM is warmed up on a smaller generated file
/// of the same shape and it gets fewer timed runs on the full file.
/// </remarks>
internal static class HoconBenchmark
{
    private const string Usage = "usage: hocon [--quick] [--connections N]";

    private sealed record Plan(int Connections, int OurWarmup, int OurRuns, int JavaWarmupConnections, int JavaWarmup, int JavaRuns);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        Plan? plan = ParseArguments(args, error);
        if (plan is null)
        {
            return 2;
        }

#if DEBUG
        error.WriteLine("warning: this is a Debug build; run with -c Release for meaningful figures");
#endif
        DirectoryInfo work = Directory.CreateTempSubdirectory("ahb-hocon-bench-");
        try
        {
            string file = Write(work, "connections.conf", plan.Connections);
            string warmupFile = Write(work, "warmup.conf", plan.JavaWarmupConnections);
            long size = new FileInfo(file).Length;

            Measurement ours = MeasureOurs(file, plan);
            string? missing = ReferenceRunner.MissingReason();
            Measurement? reference = null;
            string javaVersion = string.Empty;
            if (missing is null)
            {
                reference = ReferenceRunner.Run(
                    file, plan.Connections, plan.JavaRuns, warmupFile, plan.JavaWarmupConnections, plan.JavaWarmup, out javaVersion);
            }

            WriteTable(output, plan, size, ours, reference, javaVersion);
            if (missing is not null)
            {
                error.WriteLine($"reference not run: {missing}");
            }

            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Write(DirectoryInfo directory, string name, int connections)
    {
        string file = Path.Combine(directory.FullName, name);
        File.WriteAllText(file, BenchmarkConfig.Generate(connections), new UTF8Encoding(false));
        return file;
    }

    private static Plan? ParseArguments(string[] args, TextWriter error)
    {
        bool quick = false;
        int? connections = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--connections" when i + 1 < args.Length
                    && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
                    && count > 0:
                    connections = count;
                    i++;
                    break;
                default:
                    error.WriteLine($"hocon: unexpected argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return null;
            }
        }

        if (quick)
        {
            int n = connections ?? 1_000;
            return new Plan(n, OurWarmup: 5, OurRuns: 11, JavaWarmupConnections: Math.Min(n, 200), JavaWarmup: 20, JavaRuns: 5);
        }
        else
        {
            int n = connections ?? 10_000;
            return new Plan(n, OurWarmup: 10, OurRuns: 21, JavaWarmupConnections: Math.Min(n, 1_000), JavaWarmup: 20, JavaRuns: 3);
        }
    }

    private static Measurement MeasureOurs(string file, Plan plan)
    {
        for (int i = 0; i < plan.OurWarmup; i++)
        {
            Check(HoconParser.ParseFile(file), plan.Connections);
        }

        var millis = new double[plan.OurRuns];
        var megabytes = new double[plan.OurRuns];
        for (int i = 0; i < plan.OurRuns; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long start = Stopwatch.GetTimestamp();
            Config config = HoconParser.ParseFile(file);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Check(config, plan.Connections);
            millis[i] = elapsed.TotalMilliseconds;
            megabytes[i] = allocated / (1024.0 * 1024.0);
        }

        return new Measurement("ActorHeartbeat.Hocon (.NET)", Measurement.Median(millis), millis.Min(), Measurement.Median(megabytes));
    }

    private static void Check(Config config, int connections)
    {
        int found = config.GetConfig(BenchmarkConfig.ConnectionsPath).Root.Count;
        if (found != connections)
        {
            throw new InvalidOperationException($"expected {connections} connections, found {found}");
        }
    }

    private static void WriteTable(TextWriter output, Plan plan, long size, Measurement ours, Measurement? reference, string javaVersion)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"HOCON parse + resolve of one file: {plan.Connections:N0} connections inheriting ${{actor-heartbeat.connection-defaults}}, {size / (1024.0 * 1024.0):0.00} MiB"));
        output.WriteLine(string.Create(inv, $"ours: median of {plan.OurRuns} runs after {plan.OurWarmup} warm-up runs; reference: median of {plan.JavaRuns} runs after {plan.JavaWarmup} warm-up runs on a {plan.JavaWarmupConnections:N0}-connection file"));
        output.WriteLine(string.Create(inv, $".NET {Environment.Version}{(javaVersion.Length > 0 ? $", Java {javaVersion}" : string.Empty)}, {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine("| implementation | median ms | min ms | allocated MiB |");
        output.WriteLine("|---|---:|---:|---:|");
        WriteRow(output, ours);
        if (reference is not null)
        {
            WriteRow(output, reference);
            output.WriteLine();
            output.WriteLine(string.Create(inv, $"ratio (reference median / ours): {reference.MedianMs / ours.MedianMs:0.00}x"));
        }
    }

    private static void WriteRow(TextWriter output, Measurement m) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {m.Implementation} | {m.MedianMs:0.0} | {m.MinMs:0.0} | {(m.AllocatedMb is { } mb ? mb.ToString("0.0", CultureInfo.InvariantCulture) : "n/a")} |"));
}
