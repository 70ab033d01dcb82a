using ActorHeartbeat.Core;

namespace ActorHeartbeat.Server.Sessions;

/// <summary>One live session in a <see cref="SessionsSnapshot"/>.</summary>
/// <param name="Info">Its handshake data (id, remote address, path and query, since).</param>
/// <param name="State">Up, or closing after a disconnect.</param>
/// <param name="Reason">Why it is closing, or null while up.</param>
/// <param name="LastPong">When the client last answered a server ping (wall clock), or null.</param>
/// <param name="RoundTrip">Round-trip statistics of the server's pings, or null before the first answer.</param>
public sealed record SessionSnapshot(
    SessionInfo Info,
    SessionState State,
    DisconnectReason? Reason,
    DateTimeOffset? LastPong,
    RoundTripStatistics? RoundTrip)
{
    /// <summary>The session id.</summary>
    public string Id => Info.Id;
}
