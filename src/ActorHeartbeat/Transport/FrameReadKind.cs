namespace ActorHeartbeat.Transport;

/// <summary>What one <see cref="WebSocketFrameReader.Read"/> call found in the bytes a server sent.</summary>
internal enum FrameReadKind
{
    /// <summary>The input ended before the next event completed; all of it was consumed and kept.</summary>
    NeedMoreData,

    /// <summary>A complete text message (valid UTF-8, all fragments joined).</summary>
    Text,

    /// <summary>A complete binary message (all fragments joined).</summary>
    Binary,

    /// <summary>A ping frame; its payload (at most 125 bytes) is to be echoed in a pong.</summary>
    Ping,

    /// <summary>A pong frame.</summary>
    Pong,

    /// <summary>A close frame with a valid status code and reason (or none at all).</summary>
    Close,

    /// <summary>
    /// A message whose payload exceeds <see cref="WebSocketFrameReader.MaxMessageSize"/>: reported once, at the
    /// header that announces the excess; the rest of that message is skipped and reading goes on after it.
    /// </summary>
    TooBig,

    /// <summary>The server broke the framing rules (RFC 6455 §5): the connection must be failed (close code 1002).</summary>
    ProtocolError,

    /// <summary>A text message or close reason was not valid UTF-8: the connection must be failed (close code 1007).</summary>
    InvalidPayload,
}
