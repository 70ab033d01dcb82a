using System.Net.WebSockets;
using System.Text;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>Decoding server frames (RFC 6455 §5): messages, control frames and the rules that fail a connection.</summary>
public sealed partial class WebSocketFrameReaderTests
{
    private const int Max = 1 << 20;

    [Theory]
    [InlineData(1, "hello", "Text:hello")]
    [InlineData(1, "", "Text:")]
    [InlineData(1, "héllo €𝄞", "Text:héllo €𝄞")]
    [InlineData(2, "AB", "Binary:4142")]
    [InlineData(2, "", "Binary:")]
    [InlineData(9, "hi", "Ping:6869")]
    [InlineData(9, "", "Ping:")]
    [InlineData(10, "ok", "Pong:6F6B")]
    public void UnfragmentedFrame_IsOneEvent(int opcode, string payload, string expected)
    {
        Assert.Equal([expected], ReadAll(Frame(opcode, Utf8(payload))));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(125, 2)]
    [InlineData(126, 4)]
    [InlineData(127, 4)]
    [InlineData(65535, 4)]
    [InlineData(65536, 10)]
    [InlineData(70_000, 10)]
    public void PayloadLength_InEachLengthForm_IsDecoded(int length, int headerLength)
    {
        var payload = Payload(length);
        var binary = Frame(2, payload);
        Assert.Equal(headerLength + length, binary.Length);
        using var reader = new WebSocketFrameReader(Max);

        var result = reader.Read(binary, out var consumed);

        Assert.Equal(FrameReadKind.Binary, result.Kind);
        Assert.Equal(payload, result.Bytes);
        Assert.Equal(binary.Length, consumed);
        var text = new string('x', length);
        Assert.Equal(text, reader.Read(Frame(1, Utf8(text)), out _).Text);
        Assert.False(reader.HasBufferedBytes);
    }

    [Theory]
    [InlineData(126)]
    [InlineData(127)]
    public void LongerLengthFormThanNeeded_IsAccepted(int lengthForm)
    {
        Assert.Equal(["Text:abc"], ReadAll(Frame(1, Utf8("abc"), lengthForm: lengthForm)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(8)]
    [InlineData(0)]
    public void MaskedServerFrame_IsProtocolError(int opcode)
    {
        var stream = opcode == 0 ? [.. Frame(1, Utf8("a"), fin: false), .. Frame(0, Utf8("b"), masked: true)] : Frame(opcode, Utf8("ab"), masked: true);

        var error = Assert.Single(ReadAll(stream));

        Assert.Equal("ProtocolError:The server sent a masked frame (RFC 6455 §5.1: a client must fail the connection).", error);
    }

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x20)]
    [InlineData(0x10)]
    [InlineData(0x70)]
    public void ReservedBitSet_IsProtocolError(int rsv)
    {
        AssertFails(Frame(1, Utf8("a"), rsv: rsv), FrameReadKind.ProtocolError, "reserved bit");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    public void ReservedOpcode_IsProtocolError(int opcode)
    {
        AssertFails(Frame(opcode, []), FrameReadKind.ProtocolError, $"reserved opcode 0x{opcode:X}");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void ControlFrameWithFinClear_IsProtocolError(int opcode)
    {
        AssertFails(Frame(opcode, [], fin: false), FrameReadKind.ProtocolError, "fragmented control frame");
    }

    [Theory]
    [InlineData(8, 126)]
    [InlineData(9, 126)]
    [InlineData(10, 200)]
    [InlineData(9, 70_000)]
    public void ControlFrameLongerThan125Bytes_IsProtocolError(int opcode, int length)
    {
        AssertFails(Frame(opcode, Payload(length)), FrameReadKind.ProtocolError, "longer than 125 bytes");
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    public void ControlFrameOf125Bytes_IsAccepted(int opcode)
    {
        using var reader = new WebSocketFrameReader(Max);

        var result = reader.Read(Frame(opcode, Payload(125)), out _);

        Assert.Equal(Payload(125), result.Bytes);
    }

    [Fact]
    public void ContinuationWithNoMessageStarted_IsProtocolError()
    {
        AssertFails(Frame(0, Utf8("a")), FrameReadKind.ProtocolError, "continuation frame with no fragmented message");
        AssertFails([.. Frame(1, Utf8("done")), .. Frame(0, Utf8("a"))], FrameReadKind.ProtocolError, "§5.4");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    public void NewDataFrameDuringAFragmentedMessage_IsProtocolError(int first, int second)
    {
        AssertFails([.. Frame(first, Utf8("a"), fin: false), .. Frame(second, Utf8("b"))], FrameReadKind.ProtocolError, "before finishing the fragmented one");
    }

    [Fact]
    public void SixtyFourBitLengthWithTheTopBitSet_IsProtocolError()
    {
        AssertFails([0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 1], FrameReadKind.ProtocolError, "most significant bit");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    [InlineData(new byte[] { 0xE0, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x61, 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]
    public void TextThatIsNotValidUtf8_IsInvalidPayload(byte[] payload)
    {
        AssertFails(Frame(1, payload), FrameReadKind.InvalidPayload, "not valid UTF-8");
    }

    [Fact]
    public void FragmentedTextEndingMidCharacter_IsInvalidPayload()
    {
        AssertFails([.. Frame(1, [0x61, 0xF0], fin: false), .. Frame(0, [0x9F, 0x98])], FrameReadKind.InvalidPayload, "1007");
    }

    [Theory]
    [InlineData("\uFEFFbom stays")]
    [InlineData("\U0010FFFF")]
    [InlineData("\u0000")]
    [InlineData("\uD7FF\uE000\uFFFD")]
    public void TextAtTheEdgesOfUtf8_IsKeptExactly(string text)
    {
        Assert.Equal([$"Text:{text}"], ReadAll(Frame(1, Utf8(text))));
    }

    [Fact]
    public void CloseWithNoPayload_HasNoStatus()
    {
        using var reader = new WebSocketFrameReader(Max);

        var result = reader.Read(Frame(8, []), out _);

        Assert.Equal(FrameReadKind.Close, result.Kind);
        Assert.Null(result.CloseStatus);
        Assert.Null(result.CloseDescription);
    }

    [Theory]
    [InlineData(1000, "", "Close:1000:")]
    [InlineData(1001, "going away", "Close:1001:going away")]
    [InlineData(1003, "x", "Close:1003:x")]
    [InlineData(1007, "", "Close:1007:")]
    [InlineData(1011, "oops", "Close:1011:oops")]
    [InlineData(1012, "", "Close:1012:")]
    [InlineData(1014, "", "Close:1014:")]
    [InlineData(3000, "", "Close:3000:")]
    [InlineData(4999, "ünïcode", "Close:4999:ünïcode")]
    public void CloseWithAValidCode_CarriesStatusAndReason(int code, string reason, string expected)
    {
        Assert.Equal([expected], ReadAll(Frame(8, ClosePayload(code, Utf8(reason)))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1004)]
    [InlineData(1005)]
    [InlineData(1006)]
    [InlineData(1015)]
    [InlineData(1016)]
    [InlineData(2000)]
    [InlineData(2999)]
    [InlineData(5000)]
    [InlineData(65535)]
    public void CloseWithACodeNotAllowedOnTheWire_IsProtocolError(int code)
    {
        AssertFails(Frame(8, ClosePayload(code, [])), FrameReadKind.ProtocolError, $"close status code {code}");
    }

    [Fact]
    public void CloseWithAOneBytePayload_IsProtocolError()
    {
        AssertFails(Frame(8, [0x03]), FrameReadKind.ProtocolError, "1-byte payload");
    }

    [Fact]
    public void CloseReasonThatIsNotValidUtf8_IsInvalidPayload()
    {
        AssertFails(Frame(8, ClosePayload(1000, [0x61, 0xC3])), FrameReadKind.InvalidPayload, "close reason");
    }

    [Theory]
    [InlineData(new byte[] { 0x83, 0x00 }, nameof(FrameReadKind.ProtocolError))]
    [InlineData(new byte[] { 0x81, 0x01, 0xFF }, nameof(FrameReadKind.InvalidPayload))]
    [InlineData(new byte[] { 0x88, 0x02, 0x03, 0xED }, nameof(FrameReadKind.ProtocolError))]
    public void AfterAFailure_EveryReadReturnsTheSameError_ConsumingNothing(byte[] bad, string expectedKind)
    {
        var kind = Enum.Parse<FrameReadKind>(expectedKind);
        using var reader = new WebSocketFrameReader(Max);
        var first = reader.Read(bad, out var consumed);
        Assert.Equal(kind, first.Kind);
        Assert.InRange(consumed, 1, bad.Length);

        foreach (var more in new byte[][] { Frame(1, Utf8("fine")), [], bad })
        {
            var again = reader.Read(more, out var none);
            Assert.Equal(0, none);
            Assert.Equal(kind, again.Kind);
            Assert.Equal(first.Error, again.Error);
        }

        Assert.False(reader.HasBufferedBytes);
        Assert.Equal(0, reader.RentedBufferLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxMessageSize_MustBePositive(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebSocketFrameReader(size));
        using var reader = new WebSocketFrameReader(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.MaxMessageSize = size);
        Assert.Equal(10, reader.MaxMessageSize);
    }

    [Fact]
    public void EmptyInput_NeedsMoreData_ConsumingNothing()
    {
        using var reader = new WebSocketFrameReader(Max);

        var result = reader.Read([], out var consumed);

        Assert.Equal(FrameReadKind.NeedMoreData, result.Kind);
        Assert.Equal(0, consumed);
        Assert.False(reader.HasBufferedBytes);
    }

    [Fact]
    public void ReadAfterDispose_Throws()
    {
        var reader = new WebSocketFrameReader(Max);
        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.Read(Frame(1, Utf8("a")), out _));
    }

    /// <summary>A server frame: unmasked unless asked, shortest length form unless <paramref name="lengthForm"/> is 126 or 127.</summary>
    private static byte[] Frame(int opcode, byte[] payload, bool fin = true, int rsv = 0, bool masked = false, int lengthForm = 0)
    {
        var frame = new List<byte> { (byte)((fin ? 0x80 : 0) | rsv | opcode) };
        var mask = masked ? 0x80 : 0;
        var form = lengthForm != 0 ? lengthForm : payload.Length < 126 ? payload.Length : payload.Length <= ushort.MaxValue ? 126 : 127;
        frame.Add((byte)(mask | form));
        for (var shift = form == 126 ? 8 : form == 127 ? 56 : -8; shift >= 0; shift -= 8)
        {
            frame.Add((byte)((long)payload.Length >> shift));
        }

        byte[] key = [0x12, 0x34, 0x56, 0x78];
        if (masked)
        {
            frame.AddRange(key);
        }

        for (var i = 0; i < payload.Length; i++)
        {
            frame.Add(masked ? (byte)(payload[i] ^ key[i % 4]) : payload[i]);
        }

        return [.. frame];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Payload(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 7) + 3);
        }

        return bytes;
    }

    private static byte[] ClosePayload(int code, byte[] reason) => [(byte)(code >> 8), (byte)code, .. reason];

    /// <summary>Feeds <paramref name="stream"/> in one call.</summary>
    private static List<string> ReadAll(byte[] stream, int maxMessageSize = Max)
    {
        using var reader = new WebSocketFrameReader(maxMessageSize);
        return ReadAll(reader, stream, []);
    }

    /// <summary>
    /// Feeds <paramref name="stream"/> cut at <paramref name="cuts"/> (ascending offsets), draining each piece,
    /// and describes every event up to the first failure, checking what every call consumed.
    /// </summary>
    private static List<string> ReadAll(WebSocketFrameReader reader, byte[] stream, IReadOnlyList<int> cuts)
    {
        var events = new List<string>();
        var start = 0;
        for (var piece = 0; piece <= cuts.Count; piece++)
        {
            var end = piece < cuts.Count ? cuts[piece] : stream.Length;
            var rest = stream.AsSpan(start, end - start);
            start = end;
            while (true)
            {
                var result = reader.Read(rest, out var consumed);
                Assert.InRange(consumed, 0, rest.Length);
                if (result.Kind == FrameReadKind.NeedMoreData)
                {
                    Assert.Equal(rest.Length, consumed);
                    break;
                }

                events.Add(Describe(result));
                if (result.Kind is FrameReadKind.ProtocolError or FrameReadKind.InvalidPayload)
                {
                    return events;
                }

                rest = rest[consumed..];
            }
        }

        return events;
    }

    private static string Describe(FrameReadResult result) => result.Kind switch
    {
        FrameReadKind.Text => $"Text:{result.Text}",
        FrameReadKind.Binary or FrameReadKind.Ping or FrameReadKind.Pong => $"{result.Kind}:{Convert.ToHexString(result.Bytes!)}",
        FrameReadKind.Close => $"Close:{(int?)result.CloseStatus}:{result.CloseDescription}",
        FrameReadKind.TooBig => "TooBig",
        _ => $"{result.Kind}:{result.Error}",
    };

    private static void AssertFails(byte[] stream, FrameReadKind kind, string rule)
    {
        using var reader = new WebSocketFrameReader(Max);
        var events = ReadAll(reader, stream, []);

        Assert.StartsWith($"{kind}:The server ", events[^1], StringComparison.Ordinal);
        Assert.Contains(rule, events[^1], StringComparison.Ordinal);
        Assert.Contains("RFC 6455 §", events[^1], StringComparison.Ordinal);
        Assert.False(reader.HasBufferedBytes);
    }
}
