namespace ActorHeartbeat.Hosting.HealthChecks;

/// <summary>
/// When the ActorHeartbeat health check reports degraded or unhealthy, by the share of supervised
/// connections that are up (0 to 1). With the defaults: all up is healthy, at least half up is degraded,
/// fewer than half is unhealthy. No connections at all is healthy.
/// </summary>
public sealed class ActorHeartbeatHealthCheckOptions
{
    /// <summary>Degraded when the share of connections up is below this. Default 1.0 (any connection not up degrades).</summary>
    public double DegradedBelow { get; set; } = 1.0;

    /// <summary>Unhealthy (the registration's failure status) when the share of connections up is below this. Default 0.5.</summary>
    public double UnhealthyBelow { get; set; } = 0.5;

    /// <summary>How many ids of connections that are not up the description names at most. Default 10.</summary>
    public int MaxListed { get; set; } = 10;

    internal void Validate()
    {
        if (!(UnhealthyBelow >= 0 && UnhealthyBelow <= DegradedBelow && DegradedBelow <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(UnhealthyBelow),
                $"the health check thresholds must satisfy 0 <= UnhealthyBelow <= DegradedBelow <= 1; got UnhealthyBelow = {UnhealthyBelow}, DegradedBelow = {DegradedBelow}");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxListed);
    }
}
