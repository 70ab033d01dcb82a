using ActorHeartbeat.Registry;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Hosting;

/// <summary>
/// One item of an <see cref="IHeartbeatSubscription"/>: either an inbound application message
/// (<see cref="Inbound"/> set) or a liveness transition (<see cref="Event"/> set).
/// </summary>
/// <param name="Connection">The connection id.</param>
/// <param name="Inbound">The message that arrived, for an inbound message; otherwise null.</param>
/// <param name="Event">The transition (connecting, up, down, backoff, gave-up, removed); otherwise null.</param>
/// <param name="DroppedBefore">
/// How many notifications of this subscription were dropped since the previous one was read, because
/// the consumer was too slow; 0 normally.
/// </param>
public sealed record ConnectionNotification(string Connection, InboundMessage? Inbound, ConnectionEvent? Event, long DroppedBefore = 0);
