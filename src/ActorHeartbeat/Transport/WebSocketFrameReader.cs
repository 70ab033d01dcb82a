using System.Buffers;
using System.Runtime.CompilerServices;

namespace ActorHeartbeat.Transport;

/// <summary>
/// Decodes the frames a server sends to a client (RFC 6455 §5), pushed in as bytes in pieces of any size;
/// pure: no I/O, no clock. Each <see cref="Read"/> returns the next event (a message, a control frame,
/// <see cref="FrameReadKind.TooBig"/>, or a failure). An unfragmented data frame found whole in the input is
/// decoded straight from it; payload that spans calls or fragments is gathered in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/> (grown by doubling) and given back as soon as its message is done, so an
/// idle reader holds none. Only the string or array of a data message is allocated, and the payload array of
/// a non-empty ping or pong and the reason of a close frame (empty payloads give shared empty instances).
/// Not thread-safe: one reader per connection, fed in stream order.
/// </summary>
/// <remarks>
/// Once <see cref="FrameReadKind.ProtocolError"/> or <see cref="FrameReadKind.InvalidPayload"/> has been
/// returned the reader is finished: the connection must be failed (close with 1002 or 1007 respectively,
/// RFC 6455 §7.1.7), and every further <see cref="Read"/> returns that same result, consuming nothing.
/// Lengths need not use their shortest form (RFC 6455 §5.2 asks the sender for it; nothing is gained by
/// refusing a longer one). After a close frame the reader goes on decoding whatever follows; what to do
/// with it is the caller's business.
/// </remarks>
internal sealed partial class WebSocketFrameReader : IDisposable
{
    private const int MaxControlPayload = 125;
    private const int MinimumBufferSize = 256;
    private const byte OpContinuation = 0x0;
    private const byte OpText = 0x1;
    private const byte OpBinary = 0x2;
    private const byte OpClose = 0x8;
    private const byte OpPing = 0x9;

    private Stage _stage;
    private int _maxMessageSize;
    private byte _opcode;
    private bool _fin;
    private int _lengthBytesLeft;
    private ulong _length;
    private long _payloadLeft;
    private int _controlCount;
    private ControlPayload _control;
    private byte _messageOpcode;
    private bool _skipping;
    private byte[]? _buffer;
    private int _messageLength;
    private FrameReadResult _failure;
    private bool _disposed;

    /// <summary>Creates a reader that accepts messages of at most <paramref name="maxMessageSize"/> payload bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessageSize"/> is zero or negative.</exception>
    public WebSocketFrameReader(int maxMessageSize)
    {
        MaxMessageSize = maxMessageSize;
    }

    private enum Stage
    {
        FirstByte,
        SecondByte,
        ExtendedLength,
        Payload,
        Failed,
    }

    /// <summary>
    /// The largest payload of one message, in bytes, all its fragments together (&gt; 0). A change applies
    /// from the next frame header on.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxMessageSize
    {
        get => _maxMessageSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxMessageSize = value;
        }
    }

    /// <summary>
    /// True while a frame or a message is partly read: header or payload bytes are kept, or a fragmented
    /// message (one being skipped after <see cref="FrameReadKind.TooBig"/> included) awaits its final frame.
    /// If the stream ended now, it would end mid-frame or mid-message. False once the reader has failed.
    /// </summary>
    public bool HasBufferedBytes => _stage != Stage.Failed && (_stage != Stage.FirstByte || _messageOpcode != 0);

    /// <summary>The length of the pooled buffer held right now, 0 when none (for diagnostics and tests).</summary>
    public int RentedBufferLength => _buffer?.Length ?? 0;

    /// <summary>
    /// Consumes bytes from the start of <paramref name="input"/> up to the end of the next event and returns
    /// it; <paramref name="consumed"/> tells how many were used, and the caller calls again with the rest.
    /// When the input ends first, all of it is consumed (what is needed is kept) and the result is
    /// <see cref="FrameReadKind.NeedMoreData"/>. However the stream is cut into calls, the events are the same.
    /// A failure consumes the bytes up to where it was found; once failed, nothing more is consumed.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    public FrameReadResult Read(ReadOnlySpan<byte> input, out int consumed)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        consumed = 0;
        if (_stage == Stage.Failed)
        {
            return _failure;
        }

        var pos = 0;
        bool done;
        FrameReadResult result;
        do
        {
            done = _stage switch
            {
                Stage.FirstByte => pos == input.Length ? NeedMoreData(out result) : ReadFirstByte(input[pos++], out result),
                Stage.SecondByte => pos == input.Length ? NeedMoreData(out result) : ReadSecondByte(input[pos++], out result),
                Stage.ExtendedLength => ReadExtendedLength(input, ref pos, out result),
                _ => ReadPayload(input, ref pos, out result),
            };
        }
        while (!done);

        consumed = pos;
        return result;
    }

    /// <summary>Gives back the pooled buffer, if any; the reader cannot be used afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        ReturnBuffer();
    }

    private static bool NeedMoreData(out FrameReadResult result)
    {
        result = FrameReadResult.NeedMoreData;
        return true;
    }

    private bool ReadExtendedLength(ReadOnlySpan<byte> input, ref int pos, out FrameReadResult result)
    {
        while (_lengthBytesLeft > 0 && pos < input.Length)
        {
            _length = (_length << 8) | input[pos++];
            _lengthBytesLeft--;
        }

        if (_lengthBytesLeft > 0)
        {
            return NeedMoreData(out result);
        }

        if (_length > long.MaxValue)
        {
            result = Fail(FrameReadKind.ProtocolError, "The server sent a 64-bit payload length with the most significant bit set (RFC 6455 §5.2).");
            return true;
        }

        return StartPayload((long)_length, out result);
    }

    private bool ReadFirstByte(byte first, out FrameReadResult result)
    {
        _opcode = (byte)(first & 0x0F);
        _fin = (first & 0x80) != 0;
        var error =
            (first & 0x70) != 0 ? "The server set a reserved bit (RSV1, RSV2 or RSV3) although no extension was negotiated (RFC 6455 §5.2)."
            : _opcode is > 2 and < 8 or > 10 ? $"The server sent a frame with the reserved opcode 0x{_opcode:X} (RFC 6455 §5.2)."
            : _opcode >= OpClose ? (_fin ? null : "The server sent a fragmented control frame, with FIN clear (RFC 6455 §5.5: control frames must not be fragmented).")
            : _opcode == OpContinuation ? (_messageOpcode != 0 ? null : "The server sent a continuation frame with no fragmented message in progress (RFC 6455 §5.4).")
            : _messageOpcode != 0 ? "The server started a new data message before finishing the fragmented one in progress (RFC 6455 §5.4)."
            : null;
        if (error is not null)
        {
            result = Fail(FrameReadKind.ProtocolError, error);
            return true;
        }

        if (_opcode is OpText or OpBinary)
        {
            _messageOpcode = _opcode;
        }

        _stage = Stage.SecondByte;
        result = default;
        return false;
    }

    private bool ReadSecondByte(byte second, out FrameReadResult result)
    {
        if ((second & 0x80) != 0)
        {
            result = Fail(FrameReadKind.ProtocolError, "The server sent a masked frame (RFC 6455 §5.1: a client must fail the connection).");
            return true;
        }

        var length = second & 0x7F;
        if (_opcode >= OpClose && length > MaxControlPayload)
        {
            result = Fail(FrameReadKind.ProtocolError, "The server sent a control frame with a payload longer than 125 bytes (RFC 6455 §5.5).");
            return true;
        }

        if (length < 126)
        {
            return StartPayload(length, out result);
        }

        _lengthBytesLeft = length == 126 ? 2 : 8;
        _length = 0;
        _stage = Stage.ExtendedLength;
        result = default;
        return false;
    }

    private bool StartPayload(long length, out FrameReadResult result)
    {
        _stage = Stage.Payload;
        _payloadLeft = length;
        _controlCount = 0;
        result = default;
        if (_opcode >= OpClose || _skipping)
        {
            return false;
        }

        // Known too big from the header alone: say so now rather than after receiving the payload.
        if ((ulong)_messageLength + (ulong)length > (ulong)_maxMessageSize)
        {
            ReturnBuffer();
            _skipping = true;
            result = FrameReadResult.MessageTooBig;
            return true;
        }

        return false;
    }

    private bool ReadPayload(ReadOnlySpan<byte> input, ref int pos, out FrameReadResult result)
    {
        var available = input.Length - pos;
        if (_opcode >= OpClose)
        {
            var left = (int)_payloadLeft;
            if (_controlCount == 0 && available >= left)
            {
                var whole = input.Slice(pos, left);
                pos += left;
                _stage = Stage.FirstByte;
                result = ControlFrame(whole);
                return true;
            }

            var take = Math.Min(left, available);
            input.Slice(pos, take).CopyTo(((Span<byte>)_control)[_controlCount..]);
            pos += take;
            _controlCount += take;
            _payloadLeft -= take;
            if (_payloadLeft > 0)
            {
                return NeedMoreData(out result);
            }

            _stage = Stage.FirstByte;
            result = ControlFrame(((ReadOnlySpan<byte>)_control)[.._controlCount]);
            return true;
        }

        if (_skipping)
        {
            var skip = (int)Math.Min(_payloadLeft, available);
            pos += skip;
            _payloadLeft -= skip;
            if (_payloadLeft > 0)
            {
                return NeedMoreData(out result);
            }

            _stage = Stage.FirstByte;
            if (_fin)
            {
                _skipping = false;
                _messageOpcode = 0;
            }

            result = default;
            return false;
        }

        if (_fin && _messageLength == 0 && available >= _payloadLeft)
        {
            // Fast path: the whole message is in the input.
            var whole = input.Slice(pos, (int)_payloadLeft);
            pos += whole.Length;
            _stage = Stage.FirstByte;
            result = CompleteMessage(whole);
            return true;
        }

        var chunk = (int)Math.Min(_payloadLeft, available);
        if (chunk > 0)
        {
            Append(input.Slice(pos, chunk));
            pos += chunk;
            _payloadLeft -= chunk;
        }

        if (_payloadLeft > 0)
        {
            return NeedMoreData(out result);
        }

        _stage = Stage.FirstByte;
        if (!_fin)
        {
            result = default;
            return false;
        }

        result = CompleteMessage(_buffer.AsSpan(0, _messageLength));
        ReturnBuffer();
        return true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var required = _messageLength + bytes.Length;
        if (_buffer is null || _buffer.Length < required)
        {
            var size = _buffer is null
                ? Math.Max(required, Math.Min(MinimumBufferSize, _maxMessageSize))
                : Math.Max(required, (int)Math.Min(2L * _buffer.Length, Array.MaxLength));
            var grown = ArrayPool<byte>.Shared.Rent(size);
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _messageLength).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = grown;
        }

        bytes.CopyTo(_buffer.AsSpan(_messageLength));
        _messageLength = required;
    }

    private void ReturnBuffer()
    {
        _messageLength = 0;
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    private FrameReadResult Fail(FrameReadKind kind, string error)
    {
        ReturnBuffer();
        _stage = Stage.Failed;
        _failure = FrameReadResult.Failure(kind, error);
        return _failure;
    }

    [InlineArray(MaxControlPayload)]
    private struct ControlPayload
    {
        private byte _element;
    }
}
