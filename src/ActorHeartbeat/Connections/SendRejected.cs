namespace ActorHeartbeat.Connections;

/// <summary>
/// The answer to a send that could not be accepted: the send buffer is full (policy <c>reject</c>),
/// the connection gave up or was removed, or the id is unknown. The message was not sent.
/// </summary>
/// <param name="Connection">The connection id.</param>
/// <param name="Message">The message that was not sent.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record SendRejected(string Connection, OutboundMessage Message, string Reason);
