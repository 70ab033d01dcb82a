using ActorHeartbeat.Core;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>What became of one injected fault.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Connection">The id of the connection it hit.</param>
/// <param name="Bound">The longest detection time the connection's settings promise.</param>
/// <param name="InjectedAt">When it was injected.</param>
/// <param name="DetectedAt">When the connection first went down after it, or null.</param>
/// <param name="Reason">The reason of that first down.</param>
/// <param name="HealedAt">When the fault was lifted, or null while it still holds.</param>
/// <param name="RecoveredAt">When the connection was up again after the detection, or null.</param>
internal sealed record FaultOutcome(
    PlannedFault Fault,
    string Connection,
    TimeSpan Bound,
    DateTimeOffset InjectedAt,
    DateTimeOffset? DetectedAt = null,
    DisconnectReason? Reason = null,
    DateTimeOffset? HealedAt = null,
    DateTimeOffset? RecoveredAt = null)
{
    /// <summary>Injection to detection, or null when undetected.</summary>
    public TimeSpan? Latency => DetectedAt - InjectedAt;

    /// <summary>Detected no later than the bound.</summary>
    public bool WithinBound => Latency is { } latency && latency <= Bound;
}
