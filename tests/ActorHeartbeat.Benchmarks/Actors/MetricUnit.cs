namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>What a metric's numbers are, which decides how they are printed.</summary>
internal enum MetricUnit
{
    MessagesPerSecond,
    BytesPerActor,
    SpawnsPerSecond,
    PercentOfCore,
    Ticks,
}
