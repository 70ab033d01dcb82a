using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// Runs the selected scenarios in one process: a warm-up of each side, then R rounds that measure
/// ours and the baseline alternately (ours first in odd rounds, baseline first in even ones), each
/// run in fresh state after a full garbage collection. Prints every run as it finishes and, at the
/// end, one Markdown table of medians.
/// </summary>
internal static class SuiteRunner
{
    /// <summary>
    /// The scenarios in the order they run: (d) last, because spawning and stopping a million actors
    /// makes the thread pool add workers that then stay for its idle timeout (20 s) and spin, which
    /// would inflate the CPU figures of (e) on both sides. The table lists them by letter.
    /// </summary>
    public static IReadOnlyList<IActorScenario> AllScenarios { get; } =
    [
        PingPongScenario.OnePair(),
        PingPongScenario.TenPairs(),
        new FanOutScenario(),
        new PeriodicTimersScenario(),
        new IdleActorsScenario(),
    ];

    public static int Run(SuiteOptions options, TextWriter output)
    {
        var sizes = options.Sizes;
        var clock = Stopwatch.StartNew();
        output.WriteLine($"# ActorHeartbeat actor kernel vs hand-written Channel<T> + async loops");
        output.WriteLine();
        output.WriteLine($"{sizes.Describe()}.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {GCSettings.IsServerGC}, {(IsOptimized() ? "Release" : "DEBUG — figures are meaningless")}."));
        output.WriteLine();

        var results = new List<ScenarioResult>();
        foreach (var scenario in AllScenarios.Where(s => options.Only.Contains(s.Id)))
        {
            results.Add(RunScenario(scenario, sizes, output));
        }

        output.WriteLine();
        ResultTable.Write([.. results.OrderBy(r => r.Scenario.Id, StringComparer.Ordinal)], output);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total time {clock.Elapsed.TotalSeconds:0} s."));
        return 0;
    }

    private static ScenarioResult RunScenario(IActorScenario scenario, SuiteSizes sizes, TextWriter output)
    {
        var metrics = scenario.Metrics(sizes);
        var result = new ScenarioResult(scenario, metrics);
        output.WriteLine($"## {scenario.Title}");
        foreach (var side in new[] { Side.Ours, Side.Baseline })
        {
            Pause.CollectGarbage();
            scenario.Warmup(side, sizes);
        }

        for (var round = 1; round <= sizes.Rounds; round++)
        {
            Side[] order = round % 2 == 1 ? [Side.Ours, Side.Baseline] : [Side.Baseline, Side.Ours];
            foreach (var side in order)
            {
                Pause.CollectGarbage();
                var workItemsBefore = ThreadPool.CompletedWorkItemCount;
                var gen0Before = GC.CollectionCount(0);
                var values = scenario.Run(side, sizes);
                var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
                var gen0 = GC.CollectionCount(0) - gen0Before;
                result.Add(side, values);
                var shown = metrics.Select((m, i) => (m, v: values[i]))
                    .Where(x => side == Side.Ours || !x.m.Target.IsInformational)
                    .Select(x => $"{x.m.Label.Split(' ', 2)[1]}: {Figures.Format(x.v, x.m.Unit)}");
                output.WriteLine($"  round {round} {(side == Side.Ours ? "ours    " : "baseline")}  {string.Join("; ", shown)}  [pool threads {ThreadPool.ThreadCount}, {Figures.Compact(workItems)} work items, {gen0} gen0 GCs]");
            }
        }

        Pause.CollectGarbage();
        return result;
    }

    private static bool IsOptimized()
    {
#if DEBUG
        return false;
#else
        return true;
#endif
    }
}
