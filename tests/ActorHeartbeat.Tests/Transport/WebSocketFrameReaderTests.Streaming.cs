using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>Frames split across reads, fragmented messages, the size limit and the pooled buffer.</summary>
public sealed partial class WebSocketFrameReaderTests
{
    public static TheoryData<string> Streams => new() { "mixed", "too big", "fails midway", "bad utf-8 across fragments" };

    [Fact]
    public void MixedStream_GivesItsEventsInOrder()
    {
        var (stream, max) = Scenario("mixed");
        using var reader = new WebSocketFrameReader(max);

        Assert.Equal(
            ["Text:hi", "Ping:01", "Text:a😀b", $"Binary:{Convert.ToHexString(Payload(130))}", "Pong:", "Close:1000:bye"],
            ReadAll(reader, stream, []));
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void EverySplitInTwo_GivesTheSameEvents(string scenario)
    {
        var (stream, max) = Scenario(scenario);
        var expected = ReadAll(stream, max);

        for (var cut = 0; cut <= stream.Length; cut++)
        {
            using var reader = new WebSocketFrameReader(max);
            Assert.Equal(expected, ReadAll(reader, stream, [cut]));
        }
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void ByteByByte_GivesTheSameEvents(string scenario)
    {
        var (stream, max) = Scenario(scenario);
        using var reader = new WebSocketFrameReader(max);

        Assert.Equal(ReadAll(stream, max), ReadAll(reader, stream, [.. Enumerable.Range(1, stream.Length - 1)]));
    }

    [Fact]
    public void EverySplitInThree_OfAFragmentedStream_GivesTheSameEvents()
    {
        byte[] stream = [.. Frame(1, [0x61, 0xF0, 0x9F], fin: false), .. Frame(9, [7]), .. Frame(0, [0x98, 0x80], fin: false), .. Frame(0, [0x62]), .. Frame(2, [1, 2, 3])];
        var expected = ReadAll(stream);
        Assert.Equal(["Ping:07", "Text:a😀b", "Binary:010203"], expected);

        for (var first = 0; first <= stream.Length; first++)
        {
            for (var second = first; second <= stream.Length; second++)
            {
                using var reader = new WebSocketFrameReader(Max);
                Assert.Equal(expected, ReadAll(reader, stream, [first, second]));
            }
        }
    }

    [Theory]
    [InlineData(new[] { 2 })]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 1, 2, 3, 4, 5 })]
    [InlineData(new[] { 0, 2, 2, 6 })]
    public void FragmentedText_WithAFourByteCharacterSplitAcrossFragments_IsOneMessage(int[] fragmentEnds)
    {
        var text = Utf8("a😀b");
        var frames = new List<byte>();
        var start = 0;
        foreach (var end in fragmentEnds)
        {
            frames.AddRange(Frame(start == 0 && frames.Count == 0 ? 1 : 0, text[start..end], fin: false));
            start = end;
        }

        frames.AddRange(Frame(0, text[start..]));

        Assert.Equal(["Text:a😀b"], ReadAll([.. frames]));
    }

    [Fact]
    public void ControlFramesBetweenFragments_AreReportedInOrder_AndTheMessageContinues()
    {
        byte[] stream = [.. Frame(2, [1], fin: false), .. Frame(9, [9]), .. Frame(0, [2], fin: false), .. Frame(10, []), .. Frame(8, []), .. Frame(0, [3])];

        Assert.Equal(["Ping:09", "Pong:", "Close::", "Binary:010203"], ReadAll(stream));
    }

    [Fact]
    public void TooBigFrame_IsReportedAtItsHeader_AndItsPayloadIsSkippedWithoutBuffering()
    {
        using var reader = new WebSocketFrameReader(100);
        var big = Frame(2, Payload(1000));

        var result = reader.Read(big.AsSpan(0, 3), out var consumed);
        Assert.Equal(FrameReadKind.NeedMoreData, result.Kind);
        Assert.Equal(FrameReadKind.TooBig, reader.Read(big.AsSpan(3), out consumed).Kind);
        Assert.Equal(1, consumed);

        for (var offset = 4; offset < big.Length; offset += 300)
        {
            Assert.True(reader.HasBufferedBytes);
            var piece = big.AsSpan(offset, Math.Min(300, big.Length - offset));
            Assert.Equal(FrameReadKind.NeedMoreData, reader.Read(piece, out consumed).Kind);
            Assert.Equal(piece.Length, consumed);
            Assert.Equal(0, reader.RentedBufferLength);
        }

        Assert.False(reader.HasBufferedBytes);
        Assert.Equal("next", reader.Read(Frame(1, Utf8("next")), out _).Text);
    }

    [Fact]
    public void TooBigFragmentedMessage_IsReportedOnce_SkipsTheRest_KeepsControlFrames_ThenReadsOn()
    {
        var (stream, max) = Scenario("too big");

        Assert.Equal(
            ["Text:0123456789", "Ping:AA", "TooBig", "Pong:BB", "Text:after", "TooBig", "Text:end"],
            ReadAll(stream, max));
    }

    [Fact]
    public void TooBig_ReturnsTheBufferOfTheFragmentsSoFar()
    {
        using var reader = new WebSocketFrameReader(300);
        Assert.Equal(FrameReadKind.NeedMoreData, reader.Read(Frame(2, Payload(200), fin: false), out _).Kind);
        Assert.NotEqual(0, reader.RentedBufferLength);

        Assert.Equal(FrameReadKind.TooBig, reader.Read(Frame(0, Payload(101)), out _).Kind);

        Assert.Equal(0, reader.RentedBufferLength);
    }

    [Fact]
    public void MessageOfExactlyMaxMessageSize_IsDelivered_AllFragmentsCounted()
    {
        byte[] fragmented = [.. Frame(2, Payload(6), fin: false), .. Frame(0, Payload(4))];

        Assert.Equal([$"Binary:{Convert.ToHexString(Payload(10))}"], ReadAll(Frame(2, Payload(10)), maxMessageSize: 10));
        Assert.Equal(10, Convert.FromHexString(ReadAll(fragmented, maxMessageSize: 10)[0][7..]).Length);
        Assert.Equal(["TooBig"], ReadAll([.. Frame(2, Payload(6), fin: false), .. Frame(0, Payload(5))], maxMessageSize: 10));
    }

    [Fact]
    public void WhileSkippingATooBigMessage_TheFramingRulesStillApply()
    {
        byte[] started = [.. Frame(1, Payload(20), fin: false), .. Frame(0, Payload(3), fin: false)];

        Assert.Equal(["TooBig", "ProtocolError:The server started a new data message before finishing the fragmented one in progress (RFC 6455 §5.4)."], ReadAll([.. started, .. Frame(2, [])], maxMessageSize: 10));
        Assert.StartsWith("ProtocolError:The server sent a masked frame", ReadAll([.. started, .. Frame(0, [1], masked: true)], maxMessageSize: 10)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void TooBigWithAHuge64BitLength_IsReportedAtOnce()
    {
        using var reader = new WebSocketFrameReader(1000);
        byte[] header = [0x82, 0x7F, 0, 0, 0x01, 0, 0, 0, 0, 0];

        Assert.Equal(FrameReadKind.TooBig, reader.Read([.. header, 1, 2, 3], out var consumed).Kind);
        Assert.Equal(header.Length, consumed);
        Assert.Equal(FrameReadKind.NeedMoreData, reader.Read(Payload(5000), out _).Kind);
        Assert.True(reader.HasBufferedBytes);
        Assert.Equal(0, reader.RentedBufferLength);
    }

    [Fact]
    public void MaxMessageSize_ChangeAppliesFromTheNextHeader()
    {
        using var reader = new WebSocketFrameReader(100);
        reader.MaxMessageSize = 4;

        Assert.Equal(["TooBig", "Text:ok"], ReadAll(reader, [.. Frame(1, Utf8("hello")), .. Frame(1, Utf8("ok"))], []));
    }

    [Fact]
    public void HasBufferedBytes_WhileAFrameOrAMessageIsPartlyRead()
    {
        using var reader = new WebSocketFrameReader(Max);
        var text = Frame(1, Utf8(new string('x', 200)));
        var states = new List<bool> { reader.HasBufferedBytes };
        foreach (var piece in new[] { text[..1], text[1..3], text[3..4], text[4..100], text[100..], Frame(2, [1], fin: false), Frame(9, []), Frame(0, [2]) })
        {
            reader.Read(piece, out _);
            states.Add(reader.HasBufferedBytes);
        }

        Assert.Equal([false, true, true, true, true, false, true, true, false], states);
    }

    [Fact]
    public void IdleReader_HoldsNoBuffer_AfterARoundOfSplitAndFragmentedMessages()
    {
        using var reader = new WebSocketFrameReader(Max);
        var rented = new List<int>();
        foreach (var name in new[] { "mixed", "mixed" })
        {
            var stream = Scenario(name).Stream;
            for (var i = 0; i < stream.Length; i++)
            {
                reader.Read(stream.AsSpan(i, 1), out _);
                rented.Add(reader.RentedBufferLength);
            }

            Assert.False(reader.HasBufferedBytes);
            Assert.Equal(0, reader.RentedBufferLength);
        }

        Assert.Contains(rented, length => length > 0);
        Assert.Equal(0, rented[^1]);
    }

    [Fact]
    public void PooledBuffer_GrowsByDoubling()
    {
        using var reader = new WebSocketFrameReader(Max);
        var frame = Frame(2, Payload(100_000));
        var sizes = new List<int>();
        FrameReadResult result = default;
        for (var offset = 0; offset < frame.Length; offset += 1000)
        {
            result = reader.Read(frame.AsSpan(offset, Math.Min(1000, frame.Length - offset)), out _);
            if (reader.RentedBufferLength != (sizes.Count == 0 ? 0 : sizes[^1]) && reader.RentedBufferLength != 0)
            {
                sizes.Add(reader.RentedBufferLength);
            }
        }

        Assert.Equal(Payload(100_000), result.Bytes);
        Assert.InRange(sizes.Count, 2, 10);
        for (var i = 1; i < sizes.Count; i++)
        {
            Assert.True(sizes[i] >= 2 * sizes[i - 1], $"grew from {sizes[i - 1]} to {sizes[i]}");
        }

        Assert.Equal(0, reader.RentedBufferLength);
    }

    [Fact]
    public void Dispose_ReturnsTheBufferOfAMessageInProgress()
    {
        var reader = new WebSocketFrameReader(Max);
        reader.Read(Frame(1, Utf8("abc"), fin: false), out _);
        Assert.NotEqual(0, reader.RentedBufferLength);

        reader.Dispose();

        Assert.Equal(0, reader.RentedBufferLength);
    }

    [Fact]
    public void ConsumedStopsAtTheEndOfEachEvent()
    {
        using var reader = new WebSocketFrameReader(Max);
        var first = Frame(1, Utf8("one"));
        byte[] input = [.. first, .. Frame(9, []), .. Frame(2, [5])[..2]];

        Assert.Equal("one", reader.Read(input, out var consumed).Text);
        Assert.Equal(first.Length, consumed);
        Assert.Equal(FrameReadKind.Ping, reader.Read(input.AsSpan(consumed), out var next).Kind);
        Assert.Equal(2, next);
        Assert.Equal(FrameReadKind.NeedMoreData, reader.Read(input.AsSpan(consumed + next), out var last).Kind);
        Assert.Equal(2, last);
    }

    [Fact]
    public void ReadingEmptyPingsPongsAndMessages_AllocatesNothing()
    {
        var stream = new List<byte>();
        for (var i = 0; i < 100; i++)
        {
            stream.AddRange([.. Frame(9, []), .. Frame(10, []), .. Frame(1, []), .. Frame(2, [], fin: false), .. Frame(0, [])]);
        }

        var (events, allocated) = DrainTwice([.. stream], 7);

        Assert.Equal(400, events);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ReadingSplitMessages_AllocatesOnlyTheirResults()
    {
        var stream = new List<byte>();
        for (var i = 0; i < 50; i++)
        {
            stream.AddRange([.. Frame(2, Payload(300), fin: false), .. Frame(9, []), .. Frame(0, Payload(300))]);
        }

        var (events, allocated) = DrainTwice([.. stream], 64);

        Assert.Equal(100, events);
        Assert.InRange(allocated, 50 * 600, 50 * (600 + 64));
    }

    private static int Drain(WebSocketFrameReader reader, byte[] bytes, int chunk)
    {
        var events = 0;
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            var rest = bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset));
            while (reader.Read(rest, out var consumed).Kind != FrameReadKind.NeedMoreData)
            {
                events++;
                rest = rest[consumed..];
            }
        }

        return events;
    }

    private static (byte[] Stream, int Max) Scenario(string name) => name switch
    {
        "mixed" => ([
            .. Frame(1, Utf8("hi")),
            .. Frame(1, [0x61, 0xF0], fin: false),
            .. Frame(9, [1]),
            .. Frame(0, [0x9F], fin: false),
            .. Frame(0, [0x98, 0x80, 0x62]),
            .. Frame(2, Payload(130)),
            .. Frame(10, []),
            .. Frame(8, ClosePayload(1000, Utf8("bye"))),
        ], Max),
        "too big" => ([
            .. Frame(1, Utf8("0123456789")),
            .. Frame(2, Payload(8), fin: false),
            .. Frame(9, [0xAA]),
            .. Frame(0, Payload(20), fin: false),
            .. Frame(10, [0xBB]),
            .. Frame(0, Payload(5)),
            .. Frame(1, Utf8("after")),
            .. Frame(2, Payload(300)),
            .. Frame(1, Utf8("end")),
        ], 16),
        "fails midway" => ([.. Frame(1, Utf8("ok")), .. Frame(2, [1, 2], masked: true), .. Frame(1, Utf8("never"))], Max),
        "bad utf-8 across fragments" => ([.. Frame(9, []), .. Frame(1, [0x61, 0xED], fin: false), .. Frame(0, [0xA0, 0x80])], Max),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such scenario"),
    };

    /// <summary>Drains <paramref name="bytes"/> once to warm up, then again; returns the second pass's events and bytes allocated.</summary>
    private static (int Events, long Allocated) DrainTwice(byte[] bytes, int chunk)
    {
        using var reader = new WebSocketFrameReader(Max);
        Drain(reader, bytes, chunk);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var events = Drain(reader, bytes, chunk);
        return (events, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
