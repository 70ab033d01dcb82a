using System.Net.WebSockets;

namespace ActorHeartbeat.Transport;

/// <summary>
/// One event from <see cref="WebSocketFrameReader.Read"/>: its <see cref="Kind"/> and the values that kind
/// carries; every other property is null.
/// </summary>
internal readonly struct FrameReadResult
{
    private FrameReadResult(
        FrameReadKind kind,
        string? text = null,
        byte[]? bytes = null,
        WebSocketCloseStatus? closeStatus = null,
        string? closeDescription = null,
        string? error = null)
    {
        Kind = kind;
        Text = text;
        Bytes = bytes;
        CloseStatus = closeStatus;
        CloseDescription = closeDescription;
        Error = error;
    }

    /// <summary>The input ended before the next event: the default value.</summary>
    public static FrameReadResult NeedMoreData => default;

    /// <summary>A message over the size limit (<see cref="FrameReadKind.TooBig"/>).</summary>
    public static FrameReadResult MessageTooBig => new(FrameReadKind.TooBig);

    /// <summary>What was found.</summary>
    public FrameReadKind Kind { get; }

    /// <summary>The message of a <see cref="FrameReadKind.Text"/> event (possibly empty).</summary>
    public string? Text { get; }

    /// <summary>
    /// The message of a <see cref="FrameReadKind.Binary"/> event, or the payload of a
    /// <see cref="FrameReadKind.Ping"/> / <see cref="FrameReadKind.Pong"/> (at most 125 bytes); possibly empty.
    /// </summary>
    public byte[]? Bytes { get; }

    /// <summary>The status code of a <see cref="FrameReadKind.Close"/> event; null when the close frame had no payload.</summary>
    public WebSocketCloseStatus? CloseStatus { get; }

    /// <summary>The reason of a <see cref="FrameReadKind.Close"/> event: empty when a status came without one, null with no status.</summary>
    public string? CloseDescription { get; }

    /// <summary>
    /// For <see cref="FrameReadKind.ProtocolError"/> and <see cref="FrameReadKind.InvalidPayload"/>: a sentence
    /// naming the rule the server broke.
    /// </summary>
    public string? Error { get; }

    /// <summary>A complete text message.</summary>
    public static FrameReadResult TextMessage(string text) => new(FrameReadKind.Text, text: text);

    /// <summary>A complete binary message.</summary>
    public static FrameReadResult BinaryMessage(byte[] bytes) => new(FrameReadKind.Binary, bytes: bytes);

    /// <summary>A ping (<paramref name="isPing"/>) or pong frame with its payload.</summary>
    public static FrameReadResult Control(bool isPing, byte[] payload) =>
        new(isPing ? FrameReadKind.Ping : FrameReadKind.Pong, bytes: payload);

    /// <summary>A close frame; <paramref name="status"/> null when it had no payload.</summary>
    public static FrameReadResult CloseFrame(WebSocketCloseStatus? status, string? description) =>
        new(FrameReadKind.Close, closeStatus: status, closeDescription: description);

    /// <summary>A failure of <paramref name="kind"/> (ProtocolError or InvalidPayload) explained by <paramref name="error"/>.</summary>
    public static FrameReadResult Failure(FrameReadKind kind, string error) => new(kind, error: error);
}
