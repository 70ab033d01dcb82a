namespace ActorHeartbeat.Core;

/// <summary>Answers the peer's application pings (HOCON <c>respond</c>).</summary>
/// <param name="Ping">Recognises the peer's ping.</param>
/// <param name="Reply">The answer, with <c>{value}</c> and <c>{ping.NAME}</c>.</param>
public sealed record PingResponder(MessageMatcher Ping, MessageTemplate Reply);
