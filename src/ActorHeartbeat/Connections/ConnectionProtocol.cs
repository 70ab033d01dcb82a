using ActorHeartbeat.Core;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Connections;

// What a connection actor tells its supervisor (its parent).

/// <summary>The connection is up (after on-connect messages were queued).</summary>
internal sealed record ConnectionUp(string? SubProtocol);

/// <summary>The connection failed or was closed; reported the moment it is detected. Unsent messages go back to the buffer.</summary>
internal sealed record ConnectionDown(DisconnectReason Reason, string Detail, IReadOnlyList<OutboundMessage> Unsent);

/// <summary>An application message arrived (heartbeat traffic is not reported).</summary>
internal sealed record ConnectionInbound(InboundMessage Message);

/// <summary>
/// A send that reached the actor after it had reported down (the supervisor forwarded it before it saw
/// the down); it goes back to the supervisor's buffer instead of being lost.
/// </summary>
internal sealed record SendReturned(OutboundMessage Message);

// What the supervisor tells a connection actor.

/// <summary>Send a message (queued behind earlier ones).</summary>
internal sealed record SendOnConnection(OutboundMessage Message);

/// <summary>Close gracefully and stop, reporting <paramref name="Reason"/>.</summary>
internal sealed record CloseConnection(DisconnectReason Reason);

/// <summary>
/// The supervisor saw the down of a connection that had been up and sends it nothing more: every send
/// it forwarded came before this, so the actor may stop once closed without leaving one unanswered.
/// </summary>
internal sealed record DownSeen
{
    public static DownSeen Instance { get; } = new();
}
