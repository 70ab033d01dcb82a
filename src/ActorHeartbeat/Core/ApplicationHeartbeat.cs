namespace ActorHeartbeat.Core;

/// <summary>
/// The application-level heartbeat of a connection (HOCON <c>heartbeat</c>): a ping every
/// <paramref name="Interval"/>, answered within <paramref name="Timeout"/> by a message the
/// <paramref name="Pong"/> matcher recognises.
/// </summary>
/// <param name="Interval">Time between pings.</param>
/// <param name="Timeout">Deadline for the answer to each ping.</param>
/// <param name="Payload">The ping's text, with <c>{seq}</c> and <c>{ts}</c>.</param>
/// <param name="Pong">Recognises an answer.</param>
/// <param name="Correlate">The field of an answer that carries the ping's sequence number, or null.</param>
/// <param name="CountAnyInbound">When true, any inbound message answers every outstanding ping.</param>
public sealed record ApplicationHeartbeat(
    TimeSpan Interval,
    TimeSpan Timeout,
    MessageTemplate Payload,
    MessageMatcher Pong,
    string? Correlate,
    bool CountAnyInbound);
