namespace ActorHeartbeat.Connections;

/// <summary>
/// The answer to an acknowledged send (<see cref="ConnectionManager.Send.Acknowledge"/>) that the
/// connection took: it was handed to the open socket, or kept in the send buffer until the connection is
/// up. Exactly one of this and <see cref="SendRejected"/> answers such a send, unless the connection
/// stopped before it saw it — then the send ends in dead letters, published on the event stream.
/// </summary>
/// <param name="Connection">The connection id.</param>
/// <param name="Message">The message that was taken.</param>
public sealed record SendAccepted(string Connection, OutboundMessage Message);
