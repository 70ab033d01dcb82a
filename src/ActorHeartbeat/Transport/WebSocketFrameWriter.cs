using System.Buffers;
using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace ActorHeartbeat.Transport;

/// <summary>
/// Writes the frames a client sends (RFC 6455 §5): always FIN set (no fragmentation) and always masked
/// (§5.3) with the key the caller passes; pure, no allocation. A mask key is written on the wire in network
/// order: most significant byte first, so key <c>0x11223344</c> appears as <c>11 22 33 44</c> and payload
/// byte <c>i</c> is XORed with the key's byte <c>i % 4</c> in that order (see <see cref="Mask"/>).
/// Every writer returns the number of bytes written and throws <see cref="ArgumentException"/>, writing
/// nothing, when the destination is shorter than <see cref="FrameLength"/>.
/// </summary>
internal static class WebSocketFrameWriter
{
    /// <summary>The longest header: 2 bytes, an 8-byte extended length and the 4-byte mask key.</summary>
    public const int MaxHeaderLength = 14;

    private const int MaxControlPayload = 125;
    private const int MaxCloseReasonBytes = MaxControlPayload - 2;
    private const byte OpText = 0x1;
    private const byte OpBinary = 0x2;
    private const byte OpClose = 0x8;
    private const byte OpPing = 0x9;
    private const byte OpPong = 0xA;

    /// <summary>
    /// The bytes of a client frame carrying <paramref name="payloadLength"/> payload bytes: a 2-, 4- or 10-byte
    /// header (7-bit, 16-bit or 64-bit length form), the 4 mask bytes, and the payload.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative, or the frame would exceed <see cref="int.MaxValue"/> bytes.</exception>
    public static int FrameLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        var header = payloadLength <= MaxControlPayload ? 2 : payloadLength <= ushort.MaxValue ? 4 : 10;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadLength, int.MaxValue - header - 4);
        return header + 4 + payloadLength;
    }

    /// <summary>
    /// True when <paramref name="code"/> may appear in a close frame (RFC 6455 §7.4): 1000–1003, 1007–1014 and
    /// 3000–4999. 1004, 1005, 1006, 1015, 1016–2999 and anything outside 1000–4999 may not.
    /// </summary>
    public static bool IsValidCloseStatus(int code) =>
        code is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999);

    /// <summary>
    /// Writes a text or binary message as one masked frame. <paramref name="payload"/> may already lie in
    /// <paramref name="destination"/> at or after offset <see cref="MaxHeaderLength"/> (it is moved as by
    /// memmove after the header is written, then masked).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is Close, or the destination is too small.</exception>
    public static int Write(Span<byte> destination, WebSocketMessageType type, ReadOnlySpan<byte> payload, uint maskKey)
    {
        var opcode = type switch
        {
            WebSocketMessageType.Text => OpText,
            WebSocketMessageType.Binary => OpBinary,
            _ => throw new ArgumentException($"A data frame is Text or Binary, not {type}; use {nameof(WriteClose)} for a close frame.", nameof(type)),
        };
        return WriteFrame(destination, opcode, payload, maskKey);
    }

    /// <summary>Writes a control frame: <paramref name="opcode"/> 0x8 (close), 0x9 (ping) or 0xA (pong), payload ≤ 125 bytes.</summary>
    /// <exception cref="ArgumentException">Another opcode, a longer payload, or the destination is too small.</exception>
    public static int WriteControl(Span<byte> destination, byte opcode, ReadOnlySpan<byte> payload, uint maskKey)
    {
        if (opcode is not (OpClose or OpPing or OpPong))
        {
            throw new ArgumentException($"0x{opcode:X} is not a control opcode (0x8 close, 0x9 ping, 0xA pong).", nameof(opcode));
        }

        if (payload.Length > MaxControlPayload)
        {
            throw new ArgumentException($"A control frame carries at most {MaxControlPayload} payload bytes (RFC 6455 §5.5), not {payload.Length}.", nameof(payload));
        }

        return WriteFrame(destination, opcode, payload, maskKey);
    }

    /// <summary>
    /// Writes <paramref name="text"/> as one masked text frame, encoding its UTF-8 straight into the
    /// destination after the header. Size the destination with
    /// <c>FrameLength(Encoding.UTF8.GetByteCount(text))</c>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The destination is too small, or the text holds an unpaired surrogate (a text frame must be valid UTF-8,
    /// RFC 6455 §5.6; it is not replaced silently), in which case the destination holds a partial frame.
    /// </exception>
    public static int WriteText(Span<byte> destination, ReadOnlySpan<char> text, uint maskKey)
    {
        var payloadLength = Encoding.UTF8.GetByteCount(text);
        var header = WriteHeader(destination, OpText, payloadLength, maskKey);
        var payload = destination.Slice(header, payloadLength);
        if (Utf8.FromUtf16(text, payload, out var read, out _, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new ArgumentException($"The text has an unpaired surrogate at index {read}; a text frame must be valid UTF-8 (RFC 6455 §5.6).", nameof(text));
        }

        Mask(payload, maskKey);
        return header + payloadLength;
    }

    /// <summary>
    /// Writes a close frame with <paramref name="status"/> and <paramref name="description"/> (UTF-8, cut to the
    /// 123 bytes that fit a control frame without splitting a character; an unpaired surrogate becomes U+FFFD,
    /// since a close reason is only informative). <see cref="WebSocketCloseStatus.Empty"/> writes a close frame
    /// with no payload. At most <c>FrameLength(125)</c> bytes are written.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The status may not be sent (see <see cref="IsValidCloseStatus"/>), Empty comes with a description, or
    /// the destination is too small.
    /// </exception>
    public static int WriteClose(Span<byte> destination, WebSocketCloseStatus status, string? description, uint maskKey)
    {
        if (status == WebSocketCloseStatus.Empty)
        {
            if (!string.IsNullOrEmpty(description))
            {
                throw new ArgumentException("A close frame without a status code cannot carry a description (RFC 6455 §5.5.1).", nameof(description));
            }

            return WriteFrame(destination, OpClose, [], maskKey);
        }

        if (!IsValidCloseStatus((int)status))
        {
            throw new ArgumentException($"The close status code {(int)status} must not be sent in a close frame (RFC 6455 §7.4).", nameof(status));
        }

        Span<byte> payload = stackalloc byte[MaxControlPayload];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);

        // DestinationTooSmall leaves out the first character that does not fit whole: the cut is at a boundary.
        Utf8.FromUtf16(description, payload[2..], out _, out var written, replaceInvalidSequences: true);
        return WriteFrame(destination, OpClose, payload[..(2 + written)], maskKey);
    }

    /// <summary>
    /// XORs <paramref name="payload"/> in place with <paramref name="maskKey"/> taken as 4 bytes in network
    /// order (byte <c>i</c> with <c>(byte)(maskKey &gt;&gt; (24 - 8 * (i % 4)))</c>), the order
    /// <see cref="Write"/> puts the key on the wire. Masking twice restores the payload. Works a vector (or 8
    /// bytes) at a time, then the tail.
    /// </summary>
    public static void Mask(Span<byte> payload, uint maskKey)
    {
        // The key's 4 wire bytes as they lie in memory, repeated: XOR words of the payload with it.
        var inMemory = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(maskKey) : maskKey;
        ref var start = ref MemoryMarshal.GetReference(payload);
        var length = payload.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<byte>.Count)
        {
            var pattern = Vector.AsVectorByte(new Vector<uint>(inMemory));
            for (var last = length - Vector<byte>.Count; i <= last; i += Vector<byte>.Count)
            {
                ref var at = ref Unsafe.Add(ref start, i);
                Unsafe.WriteUnaligned(ref at, Unsafe.ReadUnaligned<Vector<byte>>(ref at) ^ pattern);
            }
        }

        var wide = ((ulong)inMemory << 32) | inMemory;
        for (; i <= length - 8; i += 8)
        {
            ref var at = ref Unsafe.Add(ref start, i);
            Unsafe.WriteUnaligned(ref at, Unsafe.ReadUnaligned<ulong>(ref at) ^ wide);
        }

        if (i <= length - 4)
        {
            ref var at = ref Unsafe.Add(ref start, i);
            Unsafe.WriteUnaligned(ref at, Unsafe.ReadUnaligned<uint>(ref at) ^ inMemory);
            i += 4;
        }

        // Every step above was a multiple of 4 bytes, so the tail starts at key byte 0.
        for (var shift = 24; i < length; i++, shift -= 8)
        {
            payload[i] ^= (byte)(maskKey >> shift);
        }
    }

    private static int WriteFrame(Span<byte> destination, byte opcode, ReadOnlySpan<byte> payload, uint maskKey)
    {
        var header = WriteHeader(destination, opcode, payload.Length, maskKey);
        var body = destination.Slice(header, payload.Length);
        payload.CopyTo(body);
        Mask(body, maskKey);
        return header + payload.Length;
    }

    private static int WriteHeader(Span<byte> destination, byte opcode, int payloadLength, uint maskKey)
    {
        var frameLength = FrameLength(payloadLength);
        if (destination.Length < frameLength)
        {
            throw new ArgumentException($"The frame needs {frameLength} bytes but the destination has {destination.Length}.", nameof(destination));
        }

        destination[0] = (byte)(0x80 | opcode);
        int pos;
        if (payloadLength <= MaxControlPayload)
        {
            destination[1] = (byte)(0x80 | payloadLength);
            pos = 2;
        }
        else if (payloadLength <= ushort.MaxValue)
        {
            destination[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payloadLength);
            pos = 4;
        }
        else
        {
            destination[1] = 0x80 | 127;
            BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payloadLength);
            pos = 10;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination[pos..], maskKey);
        return pos + 4;
    }
}
