using System.Buffers;
using System.Net.WebSockets;

namespace ActorHeartbeat.Transport;

/// <summary>
/// The server's answer to the opening handshake as it arrives, read by read: it collects the bytes
/// in a pooled buffer until the head (through the blank line) is complete, then checks it with
/// <see cref="WebSocketHandshake.Validate"/> and hands out the bytes that came after it (the start of
/// the first frames). Pure: the caller does the reading. Shared by both client engines.
/// </summary>
internal sealed class HandshakeAnswer : IDisposable
{
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int _length;
    private int _headLength = -1;

    /// <summary>Room for the next read: at least <paramref name="minimum"/> bytes (the buffer grows by doubling).</summary>
    public Memory<byte> Space(int minimum)
    {
        var buffer = Buffer;
        if (buffer.Length - _length < minimum)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, _length + minimum));
            buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = larger;
        }

        return buffer.AsMemory(_length);
    }

    /// <summary>Takes the <paramref name="count"/> bytes just read into <see cref="Space"/>; true once the head is complete.</summary>
    /// <exception cref="WebSocketException">The head is still incomplete past <see cref="WebSocketHandshake.MaxResponseHeadLength"/> bytes.</exception>
    public bool Advance(int count)
    {
        // Search from a little before the new bytes: the blank line may straddle two reads.
        var from = Math.Max(0, _length - 3);
        _length += count;
        var end = WebSocketHandshake.HeadLength(Buffer.AsSpan(from, _length - from));
        if (end >= 0)
        {
            _headLength = from + end;
            return true;
        }

        return _length <= WebSocketHandshake.MaxResponseHeadLength
            ? false
            : throw new WebSocketException(WebSocketError.HeaderError, $"The server's handshake answer is longer than {WebSocketHandshake.MaxResponseHeadLength} bytes.");
    }

    /// <summary>
    /// Checks the complete head against the request made with <paramref name="key"/> offering
    /// <paramref name="offered"/>; returns the chosen subprotocol (or null) and the bytes after the head
    /// (null when none).
    /// </summary>
    /// <exception cref="WebSocketException">The answer is not a valid acceptance.</exception>
    public string? Accept(string key, IReadOnlyList<string> offered, out byte[]? leftover)
    {
        if (_headLength < 0)
        {
            throw new InvalidOperationException("The handshake answer's head is not complete yet.");
        }

        var subprotocol = WebSocketHandshake.Validate(Buffer.AsSpan(0, _headLength), key, offered);
        leftover = _headLength < _length ? Buffer.AsSpan(_headLength, _length - _headLength).ToArray() : null;
        return subprotocol;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(HandshakeAnswer));
}
