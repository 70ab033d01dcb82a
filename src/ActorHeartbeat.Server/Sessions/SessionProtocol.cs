using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Server.Sessions;

// What a session actor tells the server supervisor (its parent).

/// <summary>
/// The session ended; reported the moment it is detected, before the close handshake.
/// <paramref name="Dropped"/> counts the messages left unwritten in its queue.
/// </summary>
internal sealed record SessionDown(DisconnectReason Reason, string Detail, int Dropped);

/// <summary>A server ping was answered after <paramref name="RoundTrip"/>, at <paramref name="At"/> (wall clock).</summary>
internal sealed record SessionRoundTrip(TimeSpan RoundTrip, DateTimeOffset At);

/// <summary>An application message from the client (heartbeat traffic is not reported).</summary>
internal sealed record SessionInbound(InboundMessage Message);

/// <summary>Messages that reached the session after it went down; they were not written.</summary>
internal sealed record SessionDropped(int Count);

// What the supervisor tells a session actor.

/// <summary>Queue a message for the client (behind earlier ones; heartbeat traffic goes first).</summary>
internal sealed record SessionSend(OutboundMessage Message);

/// <summary>Disconnect with <paramref name="Reason"/>: report it, close gracefully (bounded by close-timeout), stop.</summary>
internal sealed record SessionClose(DisconnectReason Reason, string Detail);
