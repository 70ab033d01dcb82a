namespace ActorHeartbeat.Core;

/// <summary>Everything <see cref="HeartbeatMonitor"/> enforces for one connection.</summary>
/// <param name="Heartbeat">The application heartbeat, or null when off.</param>
/// <param name="IdleTimeout">Dead when nothing at all arrives for this long; null when off.</param>
/// <param name="Respond">Answers to the peer's pings, or null when off.</param>
public sealed record HeartbeatRules(ApplicationHeartbeat? Heartbeat, TimeSpan? IdleTimeout, PingResponder? Respond)
{
    /// <summary>No heartbeat, no idle timeout, no answers.</summary>
    public static HeartbeatRules None { get; } = new(null, null, null);
}
