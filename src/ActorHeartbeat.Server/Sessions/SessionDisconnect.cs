using ActorHeartbeat.Core;

namespace ActorHeartbeat.Server.Sessions;

/// <summary>One ended session: who, when and why.</summary>
/// <param name="Info">Its handshake data.</param>
/// <param name="At">When the disconnect was detected (wall clock).</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="Detail">A readable explanation.</param>
/// <param name="DroppedMessages">Messages for it that were never written (queued at the disconnect, or sent afterwards).</param>
public sealed record SessionDisconnect(SessionInfo Info, DateTimeOffset At, DisconnectReason Reason, string Detail, int DroppedMessages);
