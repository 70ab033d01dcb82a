using ActorHeartbeat.Core;

namespace ActorHeartbeat.Server.Sessions;

/// <summary>The reply to <see cref="ServerSupervisor.GetSessions"/>.</summary>
/// <param name="Sessions">The live sessions (matching the query's filter), ordered by when they were accepted.</param>
/// <param name="RecentDisconnects">The most recent ended sessions, oldest first (at most <see cref="ServerSupervisor.RecentDisconnectCapacity"/>, unfiltered).</param>
/// <param name="DisconnectsByReason">Every disconnect since the server started, counted by reason.</param>
/// <param name="Accepted">Sessions accepted since the server started.</param>
/// <param name="DroppedMessages">Messages that were never written: to unknown or closed sessions, overflowing a queue, or left in the queue at a disconnect.</param>
public sealed record SessionsSnapshot(
    IReadOnlyList<SessionSnapshot> Sessions,
    IReadOnlyList<SessionDisconnect> RecentDisconnects,
    IReadOnlyDictionary<DisconnectReason, long> DisconnectsByReason,
    long Accepted,
    long DroppedMessages);
