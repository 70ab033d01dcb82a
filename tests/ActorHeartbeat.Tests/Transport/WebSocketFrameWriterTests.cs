using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>Writing client frames (RFC 6455 §5): FIN set, masked with the given key, shortest length form.</summary>
public sealed class WebSocketFrameWriterTests
{
    private const uint Key = 0x9E3779B9;

    public static TheoryData<uint, int> KeysAndLengths()
    {
        var data = new TheoryData<uint, int>();
        foreach (var key in new uint[] { 0, 0xFFFFFFFF, Key, 0x01020304 })
        {
            for (var length = 0; length <= 40; length++)
            {
                data.Add(key, length);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(0, 6)]
    [InlineData(125, 131)]
    [InlineData(126, 134)]
    [InlineData(65535, 65543)]
    [InlineData(65536, 65550)]
    public void FrameLength_IsHeaderPlusMaskPlusPayload_InTheShortestLengthForm(int payload, int expected)
    {
        Assert.Equal(expected, WebSocketFrameWriter.FrameLength(payload));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void FrameLength_OutOfRange_Throws(int payload)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebSocketFrameWriter.FrameLength(payload));
    }

    [Theory]
    [InlineData(WebSocketMessageType.Text, 0)]
    [InlineData(WebSocketMessageType.Text, 125)]
    [InlineData(WebSocketMessageType.Binary, 1)]
    [InlineData(WebSocketMessageType.Binary, 126)]
    [InlineData(WebSocketMessageType.Binary, 65535)]
    [InlineData(WebSocketMessageType.Binary, 65536)]
    [InlineData(WebSocketMessageType.Text, 70_000)]
    public void Write_GivesAFinalMaskedFrame_ThatDecodesToThePayload(WebSocketMessageType type, int length)
    {
        var payload = Payload(length);
        var frame = new byte[WebSocketFrameWriter.FrameLength(length) + 3];

        var written = WebSocketFrameWriter.Write(frame, type, payload, Key);

        Assert.Equal(WebSocketFrameWriter.FrameLength(length), written);
        var decoded = Decode(frame.AsSpan(0, written));
        Assert.Equal(type == WebSocketMessageType.Text ? 1 : 2, decoded.Opcode);
        Assert.Equal(Key, decoded.Key);
        Assert.Equal(payload, decoded.Payload);
        Assert.Equal(new byte[3], frame[written..]);
    }

    [Fact]
    public void MaskKey_IsOnTheWireInNetworkOrder_AndAppliedInThatOrder()
    {
        var frame = new byte[16];

        var written = WebSocketFrameWriter.Write(frame, WebSocketMessageType.Binary, [0, 0, 0, 0, 0, 0xFF], 0x11223344);

        Assert.Equal(new byte[] { 0x82, 0x86, 0x11, 0x22, 0x33, 0x44, 0x11, 0x22, 0x33, 0x44, 0x11, 0xDD }, frame[..written]);
    }

    [Fact]
    public void PayloadAlreadyInTheDestination_AfterTheLongestHeader_IsMovedAndMasked()
    {
        var payload = Payload(300);
        var frame = new byte[WebSocketFrameWriter.MaxHeaderLength + 300];
        payload.CopyTo(frame, WebSocketFrameWriter.MaxHeaderLength);

        var written = WebSocketFrameWriter.Write(frame, WebSocketMessageType.Binary, frame.AsSpan(WebSocketFrameWriter.MaxHeaderLength), Key);

        Assert.Equal(payload, Decode(frame.AsSpan(0, written)).Payload);
    }

    [Fact]
    public void Write_CloseType_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.Write(new byte[20], WebSocketMessageType.Close, [], Key));
    }

    [Theory]
    [InlineData(0x8, 0)]
    [InlineData(0x9, 8)]
    [InlineData(0xA, 125)]
    public void WriteControl_WritesTheOpcodeAndPayload(byte opcode, int length)
    {
        var frame = new byte[WebSocketFrameWriter.MaxHeaderLength + 125];

        var written = WebSocketFrameWriter.WriteControl(frame, opcode, Payload(length), Key);

        var decoded = Decode(frame.AsSpan(0, written));
        Assert.Equal(opcode, decoded.Opcode);
        Assert.Equal(Payload(length), decoded.Payload);
    }

    [Theory]
    [InlineData(0x9, 126, "at most 125")]
    [InlineData(0x1, 0, "not a control opcode")]
    [InlineData(0x0, 0, "not a control opcode")]
    [InlineData(0xB, 0, "not a control opcode")]
    public void WriteControl_BadOpcodeOrLongPayload_IsRejected(byte opcode, int length, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.WriteControl(new byte[200], opcode, Payload(length), Key));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("héllo €𝄞 😀")]
    [InlineData(null, 126)]
    [InlineData(null, 70_000)]
    public void WriteText_EncodesUtf8StraightIntoTheFrame(string? text, int repeat = 0)
    {
        text ??= string.Concat(Enumerable.Repeat("é", repeat / 2));
        var utf8 = Encoding.UTF8.GetBytes(text);
        var frame = new byte[WebSocketFrameWriter.FrameLength(Encoding.UTF8.GetByteCount(text))];

        var written = WebSocketFrameWriter.WriteText(frame, text, Key);

        Assert.Equal(frame.Length, written);
        var decoded = Decode(frame);
        Assert.Equal(1, decoded.Opcode);
        Assert.Equal(utf8, decoded.Payload);
    }

    [Theory]
    [InlineData("a", 0xD800, "b")]
    [InlineData("ab", 0xDC00, "")]
    [InlineData("😀", 0xDBFF, "c")]
    public void WriteText_UnpairedSurrogate_IsRejected(string before, int surrogate, string after)
    {
        // Built here: a lone surrogate does not survive an attribute argument (stored as UTF-8).
        var text = before + (char)surrogate + after;
        var index = before.Length;
        var error = Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.WriteText(new byte[64], text, Key));

        Assert.Contains($"unpaired surrogate at index {index}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebSocketCloseStatus.NormalClosure, "bye")]
    [InlineData(WebSocketCloseStatus.PolicyViolation, "")]
    [InlineData(WebSocketCloseStatus.InternalServerError, null)]
    [InlineData((WebSocketCloseStatus)4000, "app")]
    public void WriteClose_WritesTheStatusThenTheDescription(WebSocketCloseStatus status, string? description)
    {
        var payload = ClosePayloadOf(status, description);

        Assert.Equal((ushort)status, BinaryPrimitives.ReadUInt16BigEndian(payload));
        Assert.Equal(description ?? string.Empty, Encoding.UTF8.GetString(payload.AsSpan(2)));
    }

    [Theory]
    [InlineData(123, "", 123)]
    [InlineData(124, "", 123)]
    [InlineData(122, "é", 122)]
    [InlineData(121, "é", 123)]
    [InlineData(120, "€", 123)]
    [InlineData(121, "€", 121)]
    [InlineData(119, "😀", 123)]
    [InlineData(120, "😀", 120)]
    [InlineData(0, "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€", 123)]
    public void WriteClose_LongDescription_IsCutAtACharacterBoundary(int asciiPrefix, string tail, int expectedBytes)
    {
        var description = new string('a', asciiPrefix) + tail;

        var reason = ClosePayloadOf(WebSocketCloseStatus.NormalClosure, description).AsSpan(2).ToArray();

        Assert.Equal(expectedBytes, reason.Length);
        Assert.StartsWith(Encoding.UTF8.GetString(reason), description, StringComparison.Ordinal);
        Assert.Equal(reason, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(reason)));
    }

    [Fact]
    public void WriteClose_EmptyStatus_WritesNoPayload_AndRefusesADescription()
    {
        Assert.Empty(ClosePayloadOf(WebSocketCloseStatus.Empty, null));
        Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.WriteClose(new byte[200], WebSocketCloseStatus.Empty, "why", Key));
    }

    [Theory]
    [InlineData(1004)]
    [InlineData(1006)]
    [InlineData(1015)]
    [InlineData(2000)]
    [InlineData(999)]
    [InlineData(5000)]
    public void WriteClose_StatusNotAllowedOnTheWire_IsRejected(int status)
    {
        var error = Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.WriteClose(new byte[200], (WebSocketCloseStatus)status, null, Key));

        Assert.Contains($"{status}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(126)]
    [InlineData(65536)]
    public void DestinationOneByteShort_IsRejected_NothingWritten(int length)
    {
        var shortBy1 = new byte[WebSocketFrameWriter.FrameLength(length) - 1];
        var small = Math.Min(length, 125);

        Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.Write(shortBy1, WebSocketMessageType.Binary, Payload(length), Key));
        Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.WriteText(shortBy1, new string('x', length), Key));
        Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.WriteControl(shortBy1.AsSpan(0, WebSocketFrameWriter.FrameLength(small) - 1), 0x9, Payload(small), Key));
        Assert.All(shortBy1, b => Assert.Equal(0, b));
        Assert.Throws<ArgumentException>(() => WebSocketFrameWriter.WriteClose(new byte[8], WebSocketCloseStatus.NormalClosure, "abc", Key));
    }

    [Theory]
    [MemberData(nameof(KeysAndLengths))]
    public void Mask_MatchesTheNaiveByteLoop(uint key, int length)
    {
        var payload = Payload(length);
        var masked = payload.ToArray();

        WebSocketFrameWriter.Mask(masked, key);

        Assert.Equal(NaiveMask(payload, key), masked);
        WebSocketFrameWriter.Mask(masked, key);
        Assert.Equal(payload, masked);
    }

    [Theory]
    [InlineData(1, 41)]
    [InlineData(3, 100)]
    [InlineData(5, 1000)]
    [InlineData(7, 4099)]
    public void Mask_OnUnalignedLongSlices_MatchesTheNaiveByteLoop(int offset, int length)
    {
        var buffer = Payload(offset + length + 3);
        var expected = buffer.ToArray();
        NaiveMask(buffer.AsSpan(offset, length).ToArray(), Key).CopyTo(expected, offset);

        WebSocketFrameWriter.Mask(buffer.AsSpan(offset, length), Key);

        Assert.Equal(expected, buffer);
    }

    [Fact]
    public void UnmaskedClientFrame_IsReadBackByTheReader()
    {
        var text = new string('z', 290) + "€😀";
        var frame = new byte[WebSocketFrameWriter.FrameLength(Encoding.UTF8.GetByteCount(text))];
        WebSocketFrameWriter.WriteText(frame, text, Key);

        // Turn it into a server frame: drop the mask bit and key, unmask the payload.
        var payload = NaiveMask(frame[8..], Key);
        byte[] serverFrame = [frame[0], (byte)(frame[1] & 0x7F), frame[2], frame[3], .. payload];
        using var reader = new WebSocketFrameReader(1000);

        Assert.Equal(text, reader.Read(serverFrame, out _).Text);
    }

    [Fact]
    public void WritingPingsAndPongs_AllocatesNothing()
    {
        Span<byte> frame = stackalloc byte[WebSocketFrameWriter.MaxHeaderLength + 125];
        ReadOnlySpan<byte> payload = [1, 2, 3, 4, 5, 6, 7, 8];
        WebSocketFrameWriter.WriteControl(frame, 0x9, payload, Key);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            WebSocketFrameWriter.WriteControl(frame, (byte)(i % 2 == 0 ? 0x9 : 0xA), payload, (uint)i);
            WebSocketFrameWriter.WriteText(frame, "ping", (uint)i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] ClosePayloadOf(WebSocketCloseStatus status, string? description)
    {
        var frame = new byte[WebSocketFrameWriter.FrameLength(125)];
        var written = WebSocketFrameWriter.WriteClose(frame, status, description, Key);
        var decoded = Decode(frame.AsSpan(0, written));
        Assert.Equal(8, decoded.Opcode);
        Assert.InRange(decoded.Payload.Length, 0, 125);
        return decoded.Payload;
    }

    private static byte[] Payload(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 13) + 5);
        }

        return bytes;
    }

    private static byte[] NaiveMask(byte[] payload, uint key)
    {
        byte[] keyBytes = [(byte)(key >> 24), (byte)(key >> 16), (byte)(key >> 8), (byte)key];
        var masked = new byte[payload.Length];
        for (var i = 0; i < payload.Length; i++)
        {
            masked[i] = (byte)(payload[i] ^ keyBytes[i % 4]);
        }

        return masked;
    }

    /// <summary>A reference decode of one client frame: checks FIN, no RSV, the mask bit and the shortest length form.</summary>
    private static (int Opcode, uint Key, byte[] Payload) Decode(ReadOnlySpan<byte> frame)
    {
        Assert.Equal(0x80, frame[0] & 0xF0);
        Assert.Equal(0x80, frame[1] & 0x80);
        long length = frame[1] & 0x7F;
        var pos = 2;
        if (length == 126)
        {
            length = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
            Assert.InRange(length, 126, ushort.MaxValue);
            pos = 4;
        }
        else if (length == 127)
        {
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(frame[2..]);
            Assert.InRange(length, ushort.MaxValue + 1, int.MaxValue);
            pos = 10;
        }

        var key = BinaryPrimitives.ReadUInt32BigEndian(frame[pos..]);
        Assert.Equal(pos + 4 + length, frame.Length);
        return (frame[0] & 0x0F, key, NaiveMask(frame[(pos + 4)..].ToArray(), key));
    }
}
