namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>Which implementation a measurement runs: the kernel's actors or the hand-written channel loops.</summary>
internal enum Side
{
    Ours,
    Baseline,
}
