
namespace ActorHeartbeat.Actors.Tests.Timers;

/// <summary>
/// The per-system timer queue (one clock timer for all actor timers), driven by virtual time and run by
/// a manual executor, so every firing and every turn happens in a known order. The tick is zero here, so
/// every entry fires at its own due time (<see cref="SharedTimerQueueTickTests"/> covers the tick).
/// </summary>
public sealed class SharedTimerQueueTests() : SharedTimerQueueFixture(TimeSpan.Zero)
{
    [Fact]
    public void Entries_FireAtTheirExactDueTimes_InDueOrder_TiesInCreationOrder()
    {
        var a = Spawn("a");
        var b = Spawn("b");
        Send(a, new Single("x", "3s-first", TimeSpan.FromSeconds(3)));
        Send(b, new Single("x", "1s", TimeSpan.FromSeconds(1)));
        Send(b, new Single("y", "3s-second", TimeSpan.FromSeconds(3)));
        Send(a, new Single("y", "2s", TimeSpan.FromSeconds(2)));

        Assert.Empty(Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1)));
        Assert.Equal(["b:1s"], Advance(TimeSpan.FromTicks(1)));
        Assert.Equal(["a:2s"], Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(["a:3s-first", "b:3s-second"], Advance(TimeSpan.FromSeconds(1)));
        Assert.Empty(Advance(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void ManyEntries_UseOneClockTimer_ReArmedForAnEarlierEntryAddedLater()
    {
        var a = Spawn("a");
        Send(a, new Single("late", "10s", TimeSpan.FromSeconds(10)));
        Send(a, new Single("early", "1s", TimeSpan.FromSeconds(1)));
        Send(a, new Periodic("beat", "beat", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));

        Assert.Equal(1, Time.ActiveTimerCount);
        Assert.Equal(3, Queue.Count);
        Assert.Equal(["a:1s"], Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(["a:beat", "a:10s", "a:beat"], Advance(TimeSpan.FromSeconds(9)));
        Assert.Equal(1, Queue.Count);
    }

    [Fact]
    public void PeriodicEntry_IsFixedRate_FirstAfterItsInitialDelay()
    {
        var a = Spawn("a");
        Send(a, new Periodic("hb", "tick", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)));

        Assert.Empty(Advance(TimeSpan.FromMilliseconds(499)));
        Assert.Equal(["a:tick"], Advance(TimeSpan.FromMilliseconds(1)));
        Assert.Equal(600, Advance(TimeSpan.FromMinutes(10)).Count);
        Assert.Equal(["a:tick"], Advance(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void CancelledEntry_NeverFires_AndTheClockTimerIsDisarmedWhenNoneIsLeft()
    {
        var a = Spawn("a");
        Send(a, new Single("x", "never", TimeSpan.FromSeconds(5)));
        Send(a, new Periodic("p", "never-either", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Send(a, new Cancel("x"));
        Send(a, new Cancel("p"));

        Assert.Equal(0, Queue.Count);
        Assert.Equal(0, Time.ActiveTimerCount);
        Assert.Empty(Advance(TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData("replace-while-queued", "a:new")]
    [InlineData("cancel-while-queued", null)]
    public void OldMessage_AlreadyEnqueued_IsNeverDelivered_AfterCancelOrReplace(string command, string? expected)
    {
        var a = Spawn("a");
        Send(a, command);

        Assert.Equal(expected is null ? [] : [expected], Advance(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void StopAndRestart_TakeTheActorsEntriesOutOfTheQueue()
    {
        var a = Spawn("a");
        var b = Spawn("b");
        Send(a, new Periodic("p", "tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Send(b, new Periodic("p", "tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.Equal(2, Queue.Count);

        Send(a, "crash");
        Assert.Equal(1, Queue.Count);
        System.Stop(b);
        Executor.RunAll();

        Assert.Equal(0, Queue.Count);
        Assert.Empty(Advance(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void CancelledEntries_LeaveTheQueueAtOnce_WhileLiveOnesKeepTheirOrder()
    {
        var a = Spawn("a");
        for (var i = 0; i < 300; i++)
        {
            Send(a, new Single($"k{i}", $"m{i}", TimeSpan.FromSeconds(1 + (i % 7))));
        }

        for (var i = 0; i < 300; i++)
        {
            if (i % 10 != 0)
            {
                Send(a, new Cancel($"k{i}"));
            }
        }

        Assert.Equal(30, Queue.Count);
        var fired = Advance(TimeSpan.FromSeconds(10));
        var expected = Enumerable.Range(0, 300).Where(i => i % 10 == 0).OrderBy(i => i % 7).ThenBy(i => i).Select(i => $"a:m{i}");
        Assert.Equal(expected, fired);
    }

    [Fact]
    public void Terminate_DisposesTheClockTimer()
    {
        var a = Spawn("a");
        Send(a, new Periodic("p", "tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.Equal(1, Time.ActiveTimerCount);

        System.Terminate();
        Executor.RunAll();

        Assert.True(System.IsTerminated);
        Assert.Equal(0, Time.ActiveTimerCount);
    }
}
