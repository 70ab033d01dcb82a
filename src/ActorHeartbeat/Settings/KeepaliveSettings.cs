namespace ActorHeartbeat.Settings;

/// <summary>Protocol-level keepalive (RFC 6455 ping/pong frames, run by the platform).</summary>
/// <param name="Interval">Time between protocol pings.</param>
/// <param name="Timeout">How long a pong may take before the platform aborts the connection.</param>
public sealed record KeepaliveSettings(TimeSpan Interval, TimeSpan Timeout);
