namespace ActorHeartbeat.Core;

/// <summary>Statistics over a connection's most recent round-trip samples.</summary>
/// <param name="Count">Samples in the window.</param>
/// <param name="Last">The latest sample.</param>
/// <param name="Min">The smallest in the window.</param>
/// <param name="Mean">The arithmetic mean of the window.</param>
/// <param name="P50">The median (nearest rank).</param>
/// <param name="P99">The 99th percentile (nearest rank).</param>
public sealed record RoundTripStatistics(int Count, TimeSpan Last, TimeSpan Min, TimeSpan Mean, TimeSpan P50, TimeSpan P99);
