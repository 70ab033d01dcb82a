namespace ActorHeartbeat.Actors.Tests.Timers;

/// <summary>
/// The shared timer queue's tick (<see cref="ActorSystemSettings.SchedulerTickDuration"/>): entries due
/// within one tick share one wake-up at its end; none fires before its due time or more than one tick late.
/// </summary>
public sealed class SharedTimerQueueTickTests() : SharedTimerQueueFixture(TimeSpan.FromMilliseconds(10))
{
    [Fact]
    public void EntriesDueWithinOneTick_FireTogetherAtItsEnd_InDueOrder_NeverBeforeTheirDue()
    {
        var a = Spawn("a");
        Send(a, new Single("10ms", "10ms", TimeSpan.FromMilliseconds(10)));
        Send(a, new Single("4ms", "4ms", TimeSpan.FromMilliseconds(4)));
        Send(a, new Single("1ms", "1ms", TimeSpan.FromMilliseconds(1)));
        Send(a, new Single("11ms", "11ms", TimeSpan.FromMilliseconds(11)));

        Assert.Empty(Advance(TimeSpan.FromMilliseconds(9)));
        Assert.Equal(["a:1ms", "a:4ms", "a:10ms"], Advance(TimeSpan.FromMilliseconds(1)));
        Assert.Empty(Advance(TimeSpan.FromMilliseconds(9)));
        Assert.Equal(["a:11ms"], Advance(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void PeriodicEntry_KeepsItsFixedRate_EachTickAtMostOneTickLate()
    {
        var a = Spawn("a");
        Send(a, new Periodic("beat", "beat", TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(25)));

        // Due at 3, 28, 53, 78 ms: delivered at the ends of their ticks, 10, 30, 60 and 80 ms.
        var deliveredAt = new List<int>();
        for (var ms = 1; ms <= 80; ms++)
        {
            if (Advance(TimeSpan.FromMilliseconds(1)).Count > 0)
            {
                deliveredAt.Add(ms);
            }
        }

        Assert.Equal([10, 30, 60, 80], deliveredAt);

        // The rate does not drift with the rounding: 1 s holds exactly 40 periods.
        Assert.Equal(40, Advance(TimeSpan.FromSeconds(1)).Count);
    }

    [Fact]
    public void ThousandEntriesSpreadOverASecond_AreDeliveredInOneHundredWakeUps()
    {
        for (var i = 0; i < 1000; i++)
        {
            Send(Spawn($"a{i}"), new Single("go", "go", TimeSpan.FromMilliseconds(i + 1)));
        }

        var wakeUps = 0;
        var delivered = 0;
        for (var ms = 1; ms <= 1000; ms++)
        {
            var seen = Advance(TimeSpan.FromMilliseconds(1)).Count;
            delivered += seen;
            wakeUps += seen > 0 ? 1 : 0;
        }

        Assert.Equal(1000, delivered);
        Assert.Equal(100, wakeUps);
    }

    [Fact]
    public void ThousandAlignedPeriodicTimersAtPhasesSpreadOverASecond_FireInTenWakeUpsASecond_NeverBeforeTheirPhase()
    {
        for (var i = 0; i < 1000; i++)
        {
            Send(Spawn($"a{i}"), new Aligned("beat", "beat", TimeSpan.FromMilliseconds(i + 1), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)));
        }

        var firstAt = new Dictionary<string, int>();
        var wakeUps = 0;
        var delivered = 0;
        for (var ms = 1; ms <= 2000; ms++)
        {
            var seen = Advance(TimeSpan.FromMilliseconds(1));
            delivered += seen.Count;
            wakeUps += seen.Count > 0 ? 1 : 0;
            foreach (var line in seen)
            {
                firstAt.TryAdd(line, ms);
            }
        }

        Assert.Equal(2000, delivered);
        Assert.Equal(20, wakeUps);
        for (var i = 0; i < 1000; i++)
        {
            // Asked for i + 1 ms: delivered on the next 100 ms instant, never before, less than a step later.
            var at = firstAt[$"a{i}:beat"];
            Assert.InRange(at, i + 1, i + 100);
            Assert.Equal(0, at % 100);
        }
    }

    [Fact]
    public void AlignedPeriodicTimer_OffTheGridClock_FirstFiresOnTheGrid_ThenAtItsFixedRate()
    {
        Advance(TimeSpan.FromMilliseconds(1234));
        var a = Spawn("a");
        Send(a, new Aligned("beat", "beat", TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(50)));

        // 1,234 + 300 = 1,534 ms rounds up to 1,550 ms; then every 250 ms: 1,800, 2,050.
        Assert.Empty(Advance(TimeSpan.FromMilliseconds(315)));
        Assert.Equal(["a:beat"], Advance(TimeSpan.FromMilliseconds(1)));
        Assert.Empty(Advance(TimeSpan.FromMilliseconds(249)));
        Assert.Equal(["a:beat"], Advance(TimeSpan.FromMilliseconds(1)));
        Assert.Empty(Advance(TimeSpan.FromMilliseconds(249)));
        Assert.Equal(["a:beat"], Advance(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void EntryAddedForAnEarlierTick_ReArmsTheClockTimer_OneForTheSameTickDoesNot()
    {
        var a = Spawn("a");
        Send(a, new Single("35ms", "35ms", TimeSpan.FromMilliseconds(35)));
        Send(a, new Single("32ms", "32ms", TimeSpan.FromMilliseconds(32)));
        Send(a, new Single("12ms", "12ms", TimeSpan.FromMilliseconds(12)));

        Assert.Equal(1, Time.ActiveTimerCount);
        Assert.Empty(Advance(TimeSpan.FromMilliseconds(19)));
        Assert.Equal(["a:12ms"], Advance(TimeSpan.FromMilliseconds(1)));
        Assert.Empty(Advance(TimeSpan.FromMilliseconds(19)));
        Assert.Equal(["a:32ms", "a:35ms"], Advance(TimeSpan.FromMilliseconds(1)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void TickOutsideZeroToOneSecond_IsRejected_NamingTheSetting(int milliseconds)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ActorSystem.Create("bad", new ActorSystemSettings { SchedulerTickDuration = TimeSpan.FromMilliseconds(milliseconds) }));

        Assert.Equal("SchedulerTickDuration", e.ParamName);
    }
}
