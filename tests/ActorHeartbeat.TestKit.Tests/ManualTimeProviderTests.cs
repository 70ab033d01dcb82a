namespace ActorHeartbeat.TestKit.Tests;

/// <summary>The virtual clock on its own, without actors: every callback runs on the advancing thread.</summary>
public sealed partial class ManualTimeProviderTests
{
    private static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Once = Timeout.InfiniteTimeSpan;

    private readonly ManualTimeProvider _time = new();
    private readonly List<string> _fired = [];

    [Fact]
    public void NewClock_StartsAt2026InUtc_WithNothingElapsed()
    {
        Assert.Equal(DefaultStart, _time.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, _time.Elapsed);
        Assert.Equal(TimeZoneInfo.Utc, _time.LocalTimeZone);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void NewClock_WithStart_StartsThere()
    {
        var start = new DateTimeOffset(2030, 6, 15, 12, 30, 0, TimeSpan.FromHours(2));

        var time = new ManualTimeProvider(start);

        Assert.Equal(start, time.GetUtcNow());
    }

    [Theory]
    [InlineData(new long[] { 1 })]
    [InlineData(new long[] { TimeSpan.TicksPerMillisecond })]
    [InlineData(new long[] { TimeSpan.TicksPerSecond, 0, 7, TimeSpan.TicksPerHour })]
    [InlineData(new long[] { 10 * TimeSpan.TicksPerMinute })]
    [InlineData(new long[] { 40 * TimeSpan.TicksPerDay, 3 })]
    public void Advance_MovesEveryReadingByExactlyTheDuration(long[] stepsInTicks)
    {
        var startTimestamp = _time.GetTimestamp();
        var total = TimeSpan.Zero;

        foreach (var step in stepsInTicks)
        {
            _time.Advance(TimeSpan.FromTicks(step));
            total += TimeSpan.FromTicks(step);

            Assert.Equal(total, _time.Elapsed);
            Assert.Equal(DefaultStart + total, _time.GetUtcNow());
            Assert.Equal(total, _time.GetElapsedTime(startTimestamp));
            Assert.Equal((long)((Int128)total.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond), _time.GetTimestamp() - startTimestamp);
        }
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(-TimeSpan.TicksPerSecond)]
    [InlineData(-TimeSpan.TicksPerMillisecond)] // Timeout.InfiniteTimeSpan is not "forever" here
    public void Advance_Negative_ThrowsAndLeavesTheClockAlone(long ticks)
    {
        _time.Advance(TimeSpan.FromSeconds(5));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _time.Advance(TimeSpan.FromTicks(ticks)));

        Assert.Equal("duration", e.ParamName);
        Assert.Contains("backwards", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), _time.Elapsed);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(TimeSpan.TicksPerSecond)]
    public void Advance_PastTheLastRepresentableInstant_ThrowsAndLeavesTheClockAlone(long alreadyElapsedTicks)
    {
        _time.Advance(TimeSpan.FromTicks(alreadyElapsedTicks));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _time.Advance(TimeSpan.MaxValue));

        Assert.Equal("duration", e.ParamName);
        Assert.Equal(TimeSpan.FromTicks(alreadyElapsedTicks), _time.Elapsed);
        Assert.Equal(DefaultStart + TimeSpan.FromTicks(alreadyElapsedTicks), _time.GetUtcNow());
    }

    [Fact]
    public void AdvanceToNextTimer_MovesToTheNextDueTimeWithinTheLimit()
    {
        using var a = Record("a", TimeSpan.FromSeconds(2), Once);
        using var b = Record("b", TimeSpan.FromSeconds(5), Once);

        Assert.True(_time.AdvanceToNextTimer(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(2), _time.Elapsed);
        Assert.Equal(["a@2000"], _fired);

        Assert.False(_time.AdvanceToNextTimer(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), _time.Elapsed);

        Assert.True(_time.AdvanceToNextTimer(TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(5), _time.Elapsed);
        Assert.Equal(["a@2000", "b@5000"], _fired);

        Assert.False(_time.AdvanceToNextTimer(TimeSpan.MaxValue));
        Assert.Equal(TimeSpan.FromSeconds(5), _time.Elapsed);
    }

    [Fact]
    public void TaskDelay_OnTheVirtualClock_CompletesOnlyWhenAdvancedToItsEnd()
    {
        var delay = Task.Delay(TimeSpan.FromSeconds(1), _time);
        Assert.False(delay.IsCompleted);
        Assert.Equal(1, _time.ActiveTimerCount);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(delay.IsCompletedSuccessfully);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void CancellationTokenSource_OnTheVirtualClock_CancelsOnlyWhenAdvancedToItsEnd()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5), _time);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(cts.IsCancellationRequested);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(cts.IsCancellationRequested);
    }

    private ITimer Record(string name, TimeSpan dueTime, TimeSpan period) =>
        _time.CreateTimer(_ => _fired.Add($"{name}@{_time.Elapsed.TotalMilliseconds}"), null, dueTime, period);
}
