using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Connections;

/// <summary>An application message that arrived on a connection, delivered to its subscribers.</summary>
/// <param name="Connection">The connection id.</param>
/// <param name="Message">The message (text or binary).</param>
public sealed record InboundReceived(string Connection, InboundMessage Message);
