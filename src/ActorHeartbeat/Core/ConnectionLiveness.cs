namespace ActorHeartbeat.Core;

/// <summary>A snapshot of one connection's liveness.</summary>
/// <param name="Id">The connection id.</param>
/// <param name="State">Its state.</param>
/// <param name="Since">Wall-clock time of the last state change.</param>
/// <param name="Attempt">The current connection attempt (1 for the first; counts failures in a row plus one).</param>
/// <param name="Restarts">Reconnects since the connection was added.</param>
/// <param name="LastReason">Why it last went down, or null.</param>
/// <param name="LastPong">Wall-clock time of the last answered ping, or null.</param>
/// <param name="RoundTrip">Round-trip statistics, or null before the first answer.</param>
/// <param name="NextAttemptAt">When the next attempt starts while backing off, or null.</param>
public sealed record ConnectionLiveness(
    string Id,
    ConnectionState State,
    DateTimeOffset Since,
    int Attempt,
    int Restarts,
    DisconnectReason? LastReason,
    DateTimeOffset? LastPong,
    RoundTripStatistics? RoundTrip,
    DateTimeOffset? NextAttemptAt);
