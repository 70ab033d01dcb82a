namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>The suite's Markdown table: one row per metric, medians of each side, their ratio, the target and the verdict.</summary>
internal static class ResultTable
{
    public static void Write(IReadOnlyList<ScenarioResult> results, TextWriter output)
    {
        output.WriteLine("| scenario | ours | baseline | ratio | target | result |");
        output.WriteLine("| --- | ---: | ---: | ---: | --- | --- |");
        int passed = 0, failed = 0;
        foreach (var result in results)
        {
            for (var i = 0; i < result.Metrics.Count; i++)
            {
                var metric = result.Metrics[i];
                var ours = result.Median(Side.Ours, i);
                var baseline = result.Median(Side.Baseline, i);
                var verdict = metric.Target.Evaluate(ours, baseline);
                if (verdict == true)
                {
                    passed++;
                }
                else if (verdict == false)
                {
                    failed++;
                }

                var verdictText = verdict switch { true => "pass", false => "**FAIL**", null => "—" };
                output.WriteLine(
                    $"| {metric.Label} | {Figures.Format(ours, metric.Unit)} | {Figures.Format(baseline, metric.Unit)} | " +
                    $"{Figures.Ratio(ours, baseline)} | {metric.Target.Describe()} | {verdictText} |");
            }
        }

        output.WriteLine();
        output.WriteLine($"Targets: {passed} passed, {failed} failed (medians of alternating runs; ratio = ours / baseline).");
    }
}
