namespace ActorHeartbeat.TestKit.Tests;

/// <summary>When virtual timers fire: due order, ties, periods, zero due time.</summary>
public sealed partial class ManualTimeProviderTests
{
    [Fact]
    public void Timer_DoesNotFireBeforeItsDueTime_AndFiresExactlyAtIt()
    {
        using var timer = Record("t", TimeSpan.FromSeconds(1), Once);

        _time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.Empty(_fired);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(["t@1000"], _fired);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["t@1000"], _fired);
    }

    [Fact]
    public void Timer_PassedByALongAdvance_FiresAtItsOwnDueTimeNotAtTheEnd()
    {
        using var timer = Record("t", TimeSpan.FromMilliseconds(1500), Once);

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(["t@1500"], _fired);
        Assert.Equal(TimeSpan.FromMinutes(10), _time.Elapsed);
    }

    [Fact]
    public void Timers_FireInDueOrder_NotCreationOrder()
    {
        using var c = Record("c", TimeSpan.FromSeconds(3), Once);
        using var a = Record("a", TimeSpan.FromSeconds(1), Once);
        using var b = Record("b", TimeSpan.FromSeconds(2), Once);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["a@1000", "b@2000", "c@3000"], _fired);
    }

    [Fact]
    public void TimersDueAtTheSameInstant_FireInCreationOrder()
    {
        using var x = Record("x", TimeSpan.FromSeconds(2), Once);
        using var y = Record("y", TimeSpan.FromSeconds(2), Once);
        using var z = Record("z", TimeSpan.FromSeconds(2), Once);

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["x@2000", "y@2000", "z@2000"], _fired);
    }

    [Fact]
    public void PeriodicTimer_TiedWithALaterCreatedTimer_StillFiresFirst()
    {
        // "Ties in creation order" must hold for every firing, not only a timer's first one.
        using var periodic = Record("p", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var single = Record("s", TimeSpan.FromSeconds(2), Once);

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["p@1000", "p@2000", "s@2000"], _fired);
    }

    [Fact]
    public void TwoPeriodicTimers_WhenTheirTicksCoincide_FireInCreationOrderEveryTime()
    {
        using var fast = Record("fast", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var slow = Record("slow", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(["fast@1000", "fast@2000", "slow@2000", "fast@3000", "fast@4000", "slow@4000"], _fired);
    }

    [Theory]
    [InlineData(1000, 1, 10_000, 10)] // one Advance spanning ten periods
    [InlineData(1000, 10, 1000, 10)] // one period per Advance
    [InlineData(1000, 40, 250, 10)] // several Advances per period
    [InlineData(1000, 1, 999, 0)]
    [InlineData(1000, 3, 1500, 4)]
    [InlineData(1, 1, 60_000, 60_000)] // a minute of 1 ms ticks
    public void PeriodicTimer_FiresOncePerPeriodPassed_EachAtItsOwnTime(int periodMs, int advances, int stepMs, int expectedFirings)
    {
        var period = TimeSpan.FromMilliseconds(periodMs);
        var times = new List<TimeSpan>();
        using var timer = _time.CreateTimer(_ => times.Add(_time.Elapsed), null, period, period);

        for (var i = 0; i < advances; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(stepMs));
        }

        Assert.Equal(expectedFirings, times.Count);
        Assert.Equal(Enumerable.Range(1, expectedFirings).Select(k => k * period), times);
        Assert.Equal(1, _time.ActiveTimerCount);
    }

    [Fact]
    public void PeriodicTimer_WithADifferentFirstDueTime_FiresThenEveryPeriod()
    {
        using var timer = Record("t", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["t@500", "t@2500", "t@4500"], _fired);
    }

    [Fact]
    public void ZeroDueTime_FiresAtOnceOnTheCallingThread()
    {
        var thread = -1;
        using var timer = _time.CreateTimer(
            _ =>
            {
                thread = Environment.CurrentManagedThreadId;
                _fired.Add($"t@{_time.Elapsed.TotalMilliseconds}");
            },
            null,
            TimeSpan.Zero,
            Once);

        Assert.Equal(["t@0"], _fired);
        Assert.Equal(Environment.CurrentManagedThreadId, thread);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void ZeroDueTime_WithAPeriod_FiresNowAndThenEveryPeriod()
    {
        using var timer = Record("t", TimeSpan.Zero, TimeSpan.FromSeconds(1));

        Assert.Equal(["t@0"], _fired);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["t@0", "t@1000", "t@2000"], _fired);
    }

    [Fact]
    public void ActiveTimerCount_CountsScheduledTimersOnly()
    {
        using var single = Record("single", TimeSpan.FromSeconds(1), Once);
        using var periodic = Record("periodic", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var stopped = Record("stopped", TimeSpan.FromSeconds(5), Once);
        using var disposed = Record("disposed", TimeSpan.FromSeconds(5), Once);
        Assert.Equal(4, _time.ActiveTimerCount);

        stopped.Change(Timeout.InfiniteTimeSpan, Once);
        disposed.Dispose();
        Assert.Equal(2, _time.ActiveTimerCount);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _time.ActiveTimerCount); // the single timer is done, the periodic one re-armed
    }
}
