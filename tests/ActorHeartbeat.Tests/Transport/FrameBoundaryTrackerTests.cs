using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>Following server frames (RFC 6455 §5.2) to know whether the reader holds bytes it has not returned.</summary>
public sealed class FrameBoundaryTrackerTests
{
    private static byte[] Frame(int opcode, bool fin, int payload, bool masked = false)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        var mask = masked ? 0x80 : 0;
        if (payload < 126)
        {
            header.Add((byte)(mask | payload));
        }
        else if (payload <= ushort.MaxValue)
        {
            header.Add((byte)(mask | 126));
            header.Add((byte)(payload >> 8));
            header.Add((byte)payload);
        }
        else
        {
            header.Add((byte)(mask | 127));
            for (var shift = 56; shift >= 0; shift -= 8)
            {
                header.Add((byte)((long)payload >> shift));
            }
        }

        if (masked)
        {
            header.AddRange([1, 2, 3, 4]);
        }

        return [.. header, .. new byte[payload]];
    }

    private static void Feed(FrameBoundaryTracker tracker, byte[] bytes, int chunk)
    {
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            tracker.Delivered(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        }
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(5, 1000)]
    [InlineData(0, 1)]
    [InlineData(125, 3)]
    [InlineData(126, 7)]
    [InlineData(70_000, 4096)]
    public void OneTextMessage_ReturnedByTheReader_LeavesNothingUnreturned_HoweverTheBytesArrive(int payload, int chunk)
    {
        var tracker = new FrameBoundaryTracker();

        Feed(tracker, Frame(1, fin: true, payload), chunk);
        Assert.True(tracker.HasUnreturnedBytes);
        tracker.MessageReturned();

        Assert.False(tracker.HasUnreturnedBytes);
        Assert.False(tracker.IsLost);
    }

    [Fact]
    public void TwoMessagesInOneRead_AfterTheFirstIsReturned_TheSecondIsStillHeld()
    {
        var tracker = new FrameBoundaryTracker();
        tracker.Delivered([.. Frame(1, true, 10), .. Frame(2, true, 20)]);

        tracker.MessageReturned();
        Assert.True(tracker.HasUnreturnedBytes);
        tracker.MessageReturned();
        Assert.False(tracker.HasUnreturnedBytes);
    }

    [Fact]
    public void PartOfTheNextFrame_CountsAsHeld()
    {
        var tracker = new FrameBoundaryTracker();
        var next = Frame(1, true, 10);
        tracker.Delivered([.. Frame(1, true, 3), .. next.AsSpan(0, 2)]);

        tracker.MessageReturned();
        Assert.True(tracker.HasUnreturnedBytes);

        tracker.Delivered(next.AsSpan(2));
        tracker.MessageReturned();
        Assert.False(tracker.HasUnreturnedBytes);
    }

    [Fact]
    public void FragmentedMessage_EndsWithItsFinalContinuation_ControlFramesBetweenDoNotEndIt()
    {
        var tracker = new FrameBoundaryTracker();
        tracker.Delivered([.. Frame(1, false, 4), .. Frame(9, true, 2), .. Frame(0, false, 4)]);
        Assert.True(tracker.HasUnreturnedBytes);

        tracker.Delivered([.. Frame(10, true, 0), .. Frame(0, true, 4)]);
        tracker.MessageReturned();

        Assert.False(tracker.HasUnreturnedBytes);
    }

    [Fact]
    public void ControlFrameAfterTheLastMessage_IsHeldUntilAMessageAfterItIsReturned()
    {
        var tracker = new FrameBoundaryTracker();
        tracker.Delivered([.. Frame(1, true, 5), .. Frame(9, true, 0)]);
        tracker.MessageReturned();

        // The reader answers the ping only inside its next receive.
        Assert.True(tracker.HasUnreturnedBytes);
        tracker.Delivered(Frame(1, true, 1));
        tracker.MessageReturned();
        Assert.False(tracker.HasUnreturnedBytes);
    }

    [Fact]
    public void MaskedFrame_FromAFaultyServer_IsStillFollowed()
    {
        var tracker = new FrameBoundaryTracker();
        Feed(tracker, Frame(2, true, 9, masked: true), 1);
        tracker.MessageReturned();

        Assert.False(tracker.HasUnreturnedBytes);
    }

    [Theory]
    [InlineData(new byte[] { 0x83, 0x00 })]
    [InlineData(new byte[] { 0x8B, 0x00 })]
    [InlineData(new byte[] { 0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0 })]
    public void StreamItCannotFollow_IsLostForGood_AndAlwaysClaimsHeldBytes(byte[] bytes)
    {
        var tracker = new FrameBoundaryTracker();
        tracker.Delivered(bytes);

        Assert.True(tracker.IsLost);
        Assert.True(tracker.HasUnreturnedBytes);
        tracker.MessageReturned();
        Assert.True(tracker.HasUnreturnedBytes);
    }

    [Fact]
    public void MessageReturnedThatNeverEnded_OrAbandoned_LosesTheThread()
    {
        var unseen = new FrameBoundaryTracker();
        unseen.MessageReturned();
        Assert.True(unseen.HasUnreturnedBytes);

        var abandoned = new FrameBoundaryTracker();
        abandoned.Delivered(Frame(1, true, 2));
        abandoned.GiveUp();
        Assert.True(abandoned.HasUnreturnedBytes);
    }
}
