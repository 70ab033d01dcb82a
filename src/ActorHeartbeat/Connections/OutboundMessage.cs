namespace ActorHeartbeat.Connections;

/// <summary>A message to send on a connection: text or binary.</summary>
public sealed record OutboundMessage
{
    private OutboundMessage(string? text, ReadOnlyMemory<byte> binary, bool isText)
    {
        Text = text;
        Binary = binary;
        IsText = isText;
    }

    /// <summary>The text, for a text message.</summary>
    public string? Text { get; }

    /// <summary>The bytes, for a binary message.</summary>
    public ReadOnlyMemory<byte> Binary { get; }

    /// <summary>True for a text message.</summary>
    public bool IsText { get; }

    /// <summary>A text message.</summary>
    public static OutboundMessage OfText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), default, true);

    /// <summary>A binary message (the bytes are copied).</summary>
    public static OutboundMessage OfBinary(ReadOnlySpan<byte> bytes) => new(null, bytes.ToArray(), false);
}
