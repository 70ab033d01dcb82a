using System.Net.WebSockets;

namespace ActorHeartbeat.Transport;

/// <summary>One complete inbound message (or the peer's close).</summary>
/// <param name="Kind">What arrived.</param>
/// <param name="Text">The text, for <see cref="InboundKind.Text"/>.</param>
/// <param name="Binary">The bytes, for <see cref="InboundKind.Binary"/>.</param>
/// <param name="CloseStatus">The peer's close code, for <see cref="InboundKind.Close"/>.</param>
/// <param name="CloseDescription">The peer's close reason, for <see cref="InboundKind.Close"/>.</param>
public readonly record struct InboundMessage(
    InboundKind Kind,
    string? Text = null,
    byte[]? Binary = null,
    WebSocketCloseStatus? CloseStatus = null,
    string? CloseDescription = null)
{
    /// <summary>A text message.</summary>
    public static InboundMessage OfText(string text) => new(InboundKind.Text, Text: text);

    /// <summary>A binary message.</summary>
    public static InboundMessage OfBinary(byte[] bytes) => new(InboundKind.Binary, Binary: bytes);

    /// <summary>The peer's close frame.</summary>
    public static InboundMessage OfClose(WebSocketCloseStatus? status, string? description) =>
        new(InboundKind.Close, CloseStatus: status, CloseDescription: description);

    /// <summary>An oversize message.</summary>
    public static InboundMessage TooBig { get; } = new(InboundKind.TooBig);
}
