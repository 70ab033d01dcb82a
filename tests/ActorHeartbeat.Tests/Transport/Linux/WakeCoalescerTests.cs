using ActorHeartbeat.Transport.Linux;

namespace ActorHeartbeat.Tests.Transport.Linux;

/// <summary>
/// The loop's wait before a poll: only at a rate of several ready sockets per window, or in a burst of
/// socket wake-ups less than a window apart; never past one window after the last wake-up.
/// </summary>
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

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(Window - 1, true)]
    [InlineData(Window, false)]
    [InlineData(Window * 5, false)]
    public void QuietLoop_SecondSocketWakeUpWithinAWindow_WaitsOutAWindowAfterIt(long gap, bool burst)
    {
        var coalescer = new WakeCoalescer(Window, Period);
        coalescer.Polled(10_000, 1);
        Assert.Equal(0, coalescer.WaitBeforePoll(10_001));

        coalescer.Polled(10_000 + gap, 2);

        Assert.False(coalescer.IsBusy);
        Assert.Equal(burst, coalescer.InBurst);
        Assert.Equal(burst ? Window - 100 : 0, coalescer.WaitBeforePoll(10_000 + gap + 100));
    }

    [Fact]
    public void Burst_EndsWithThePollAfterTheWait()
    {
        var coalescer = new WakeCoalescer(Window, Period);
        coalescer.Polled(10_000, 1);
        coalescer.Polled(10_200, 1);
        Assert.True(coalescer.InBurst);

        // The wait ran out: the poll a window later reads what gathered meanwhile.
        coalescer.Polled(11_200, 40);

        Assert.False(coalescer.InBurst);
        Assert.Equal(0, coalescer.WaitBeforePoll(11_201));
    }

    [Fact]
    public void WakeUpsWithoutReadySockets_NeitherStartNorCountTowardsABurst()
    {
        var coalescer = new WakeCoalescer(Window, Period);
        coalescer.Polled(10_000, 0);
        coalescer.Polled(10_100, 1);
        Assert.False(coalescer.InBurst);

        coalescer.Polled(10_200, 0);
        Assert.False(coalescer.InBurst);
        Assert.Equal(0, coalescer.WaitBeforePoll(10_201));

        // A timer wake-up between two socket wake-ups does not hide that they came within a window.
        coalescer.Polled(10_300, 1);
        Assert.True(coalescer.InBurst);
    }

    [Fact]
    public void ZeroWindow_NeverWaits()
    {
        var coalescer = new WakeCoalescer(0, Period);
        coalescer.Polled(0, 0);
        coalescer.Polled(1, 1_000_000);
        coalescer.Polled(Period + 1, 1);

        Assert.False(coalescer.IsBusy);
        Assert.False(coalescer.InBurst);
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
