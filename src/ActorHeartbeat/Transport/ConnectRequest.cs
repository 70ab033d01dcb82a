namespace ActorHeartbeat.Transport;

/// <summary>What a transport needs to open one WebSocket.</summary>
/// <param name="Url">A <c>ws://</c> or <c>wss://</c> URL.</param>
/// <param name="Headers">Extra handshake headers (their values are secrets: never log them).</param>
/// <param name="Subprotocols">Subprotocols to offer, in preference order.</param>
/// <param name="KeepAliveInterval">Protocol ping interval, or null for no protocol keepalive.</param>
/// <param name="KeepAliveTimeout">How long to wait for the protocol pong, or null to only send unsolicited pongs.</param>
public sealed record ConnectRequest(
    Uri Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> Subprotocols,
    TimeSpan? KeepAliveInterval,
    TimeSpan? KeepAliveTimeout)
{
    /// <summary>
    /// The largest message the caller will accept, in bytes, or null for no limit before the first
    /// receive names one. A transport that reads ahead of the receives (the event loop) applies it from
    /// the first byte, so a message over it is never assembled.
    /// </summary>
    public int? MaxMessageSize { get; init; }
}
