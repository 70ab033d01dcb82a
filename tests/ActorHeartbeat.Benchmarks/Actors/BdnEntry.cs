using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// <c>actors bdn</c>: (a)-(c) under BenchmarkDotNet. The benchmarks run in this process
/// (<c>--inProcess</c> is added, so no generated project is built), and BenchmarkDotNet's reports
/// go to a folder under the system's temp directory unless <c>--artifacts</c> names another.
/// Without a <c>--filter</c> every benchmark runs; other BenchmarkDotNet options (e.g.
/// <c>--job short</c>) pass through.
/// </summary>
internal static class BdnEntry
{
    public static int Run(string[] args)
    {
        var effective = new List<string>(args);
        if (!effective.Contains("--inProcess") && !effective.Contains("-i"))
        {
            effective.Add("--inProcess");
        }

        if (!effective.Contains("--filter") && !effective.Contains("-f"))
        {
            effective.AddRange(["--filter", "*"]);
        }

        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(Path.GetTempPath(), "ActorHeartbeat.BenchmarkDotNet"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(PingPongBenchmarks), typeof(FanOutBenchmarks)]).Run([.. effective], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
