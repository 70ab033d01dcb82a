namespace ActorHeartbeat.TestKit.Tests;

/// <summary>Rescheduling, stopping and argument checks of virtual timers.</summary>
public sealed partial class ManualTimeProviderTests
{
    [Fact]
    public void Change_ReschedulesRelativeToTheCurrentTime()
    {
        using var timer = Record("t", TimeSpan.FromSeconds(10), Once);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(timer.Change(TimeSpan.FromSeconds(1), Once));
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(["t@3000"], _fired);
    }

    [Fact]
    public void Change_ToInfinite_StopsTheTimer_AndALaterChangeRestartsIt()
    {
        using var timer = Record("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(2500));

        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        Assert.Equal(0, _time.ActiveTimerCount);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["t@1000", "t@2000"], _fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(1), Once));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["t@1000", "t@2000", "t@13500"], _fired);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-TimeSpan.TicksPerMillisecond)] // Timeout.InfiniteTimeSpan
    public void Change_WithZeroOrInfinitePeriod_FiresOnce(long periodTicks)
    {
        using var timer = Record("t", TimeSpan.FromSeconds(10), Once);

        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromTicks(periodTicks));
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["t@1000"], _fired);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Theory]
    [InlineData(-1L, 0L, "dueTime")]
    [InlineData(-2 * TimeSpan.TicksPerMillisecond, 0L, "dueTime")]
    [InlineData(0L, -1L, "period")]
    [InlineData(TimeSpan.TicksPerSecond, -2 * TimeSpan.TicksPerMillisecond, "period")]
    public void CreateOrChange_WithNegativeTime_ThrowsNamingTheArgument(long dueTicks, long periodTicks, string parameter)
    {
        using var timer = Record("t", TimeSpan.FromSeconds(1), Once);

        var onCreate = Assert.Throws<ArgumentOutOfRangeException>(
            () => _time.CreateTimer(_ => { }, null, TimeSpan.FromTicks(dueTicks), TimeSpan.FromTicks(periodTicks)));
        var onChange = Assert.Throws<ArgumentOutOfRangeException>(
            () => timer.Change(TimeSpan.FromTicks(dueTicks), TimeSpan.FromTicks(periodTicks)));

        Assert.Equal(parameter, onCreate.ParamName);
        Assert.Equal(parameter, onChange.ParamName);
        Assert.Equal(1, _time.ActiveTimerCount);
    }

    [Theory]
    [InlineData(long.MaxValue, 0L, "dueTime")] // TimeSpan.MaxValue
    [InlineData(4_294_967_295L * TimeSpan.TicksPerMillisecond, 0L, "dueTime")] // one past the system timer's limit
    [InlineData(TimeSpan.TicksPerSecond, long.MaxValue, "period")]
    [InlineData(TimeSpan.TicksPerSecond, 4_294_967_295L * TimeSpan.TicksPerMillisecond, "period")]
    public void CreateOrChange_BeyondTheSystemTimerLimit_ThrowsLikeTheSystemClock(long dueTicks, long periodTicks, string parameter)
    {
        var due = TimeSpan.FromTicks(dueTicks);
        var period = TimeSpan.FromTicks(periodTicks);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var timer = Record("t", TimeSpan.FromSeconds(1), Once);

        Assert.Throws<ArgumentOutOfRangeException>(() => TimeProvider.System.CreateTimer(_ => { }, null, due, period));
        var onCreate = Assert.Throws<ArgumentOutOfRangeException>(() => _time.CreateTimer(_ => { }, null, due, period));
        var onChange = Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(due, period));

        Assert.Equal(parameter, onCreate.ParamName);
        Assert.Equal(parameter, onChange.ParamName);
    }

    [Fact]
    public void Timer_AtTheSystemTimerLimit_IsAcceptedAndWaitsThatLong()
    {
        var limit = TimeSpan.FromMilliseconds(4_294_967_294L);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var timer = Record("t", limit, limit);

        _time.Advance(limit - TimeSpan.FromTicks(1));
        Assert.Empty(_fired);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Single(_fired);
    }

    [Fact]
    public void CreateTimer_WithoutCallback_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _time.CreateTimer(null!, null, TimeSpan.FromSeconds(1), Once));
    }

    [Fact]
    public void Dispose_StopsTheTimer_AndChangeAfterwardsReturnsFalse()
    {
        var timer = Record("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        timer.Dispose();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["t@1000"], _fired);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Once));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["t@1000"], _fired);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheTimer()
    {
        var timer = Record("t", TimeSpan.FromSeconds(1), Once);

        await timer.DisposeAsync();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(_fired);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void ChangeToZeroDueTime_FiresAtOnce()
    {
        using var timer = Record("t", TimeSpan.FromSeconds(10), Once);
        _time.Advance(TimeSpan.FromSeconds(3));

        timer.Change(TimeSpan.Zero, Once);

        Assert.Equal(["t@3000"], _fired);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(["t@3000"], _fired);
    }
}
