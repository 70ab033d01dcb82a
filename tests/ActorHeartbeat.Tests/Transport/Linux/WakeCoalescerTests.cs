using ActorHeartbeat.Transport.Linux;

namespace ActorHeartbeat.Tests.Transport.Linux;

/// <summary>The busy loop's wait before a poll: only at a rate of several ready sockets per window, never past one window after the last wake-up.</summary>
public sealed class WakeCoalescerTests
{
    private const long Window = 1_000;
    private const long Period = 100_000;

    [Theory]
    [InlineData(0, false)]
    [InlineData(300, false)]
    [InlineData(399, false)]
    [InlineData(400, true)]
    [InlineData(5_000, true)]
    public void AfterAPeriod_WaitsOnlyAtFourOrMoreEventsPerWindow(int eventsInPeriod, bool busy)
    {
        var coalescer = new WakeCoalescer(Window, Period);
        coalescer.Polled(0, 0);
        coalescer.Polled(10, eventsInPeriod);

        coalescer.Polled(Period, 1);

        Assert.Equal(busy, coalescer.IsBusy);
        Assert.Equal(busy ? Window - 200 : 0, coalescer.WaitBeforePoll(Period + 200));
    }

    [Theory]
    [InlineData(0, Window)]
    [InlineData(250, Window - 250)]
    [InlineData(Window, 0)]
    [InlineData(Window * 3, 0)]
    public void WhileBusy_WaitsOutTheRestOfTheWindowSinceTheLastWake(long sinceWake, long expected)
    {
        var coalescer = Busy();

        Assert.Equal(expected, coalescer.WaitBeforePoll((Period * 2) + sinceWake));
    }

    [Fact]
    public void BusyLoopTurningQuiet_StopsWaitingAfterTheNextPeriod()
    {
        var coalescer = Busy();

        coalescer.Polled(Period * 3, 1);

        Assert.False(coalescer.IsBusy);
        Assert.Equal(0, coalescer.WaitBeforePoll((Period * 3) + 1));
    }

    [Fact]
    public void ZeroWindow_NeverWaits()
    {
        var coalescer = new WakeCoalescer(0, Period);
        coalescer.Polled(0, 0);
        coalescer.Polled(1, 1_000_000);
        coalescer.Polled(Period + 1, 1);

        Assert.False(coalescer.IsBusy);
        Assert.Equal(0, coalescer.WaitBeforePoll(Period + 2));
    }

    [Fact]
    public void InvalidWindowOrPeriod_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WakeCoalescer(-1, Period));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WakeCoalescer(Window, 0));
    }

    /// <summary>A coalescer judged busy at <see cref="Period"/> × 2 (one period of 1,000 events), last woken then.</summary>
    private static WakeCoalescer Busy()
    {
        var coalescer = new WakeCoalescer(Window, Period);
        coalescer.Polled(0, 0);
        coalescer.Polled(Period, 1_000);
        coalescer.Polled(Period * 2, 0);
        Assert.True(coalescer.IsBusy);
        return coalescer;
    }
}
