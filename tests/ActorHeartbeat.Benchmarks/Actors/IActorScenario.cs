namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// One of the scenarios: our actors beside the hand-written channel baseline. Every
/// <see cref="Run"/> builds its own fresh state (a new actor system, new channels) and tears it down.
/// </summary>
internal interface IActorScenario
{
    /// <summary>The letter: a, b, c, d or e.</summary>
    string Id { get; }

    string Title { get; }

    IReadOnlyList<Metric> Metrics(SuiteSizes sizes);

    /// <summary>A small unrecorded run so that the first measurement does not pay for JIT compilation.</summary>
    void Warmup(Side side, SuiteSizes sizes);

    /// <summary>One measurement: one value per metric, NaN where a metric does not apply to this side.</summary>
    double[] Run(Side side, SuiteSizes sizes);
}
