using ActorHeartbeat.Actors.Tests.Support;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.TestKit;

namespace ActorHeartbeat.Actors.Tests.Timers;

/// <summary>
/// The per-system timer queue (one clock timer for all actor timers), driven by virtual time and run by
/// a manual executor, so every firing and every turn happens in a known order. The tick is zero here, so
/// every entry fires at its own due time (<see cref="SharedTimerQueueTickTests"/> covers the tick).
/// </summary>
public sealed class SharedTimerQueueTests : IDisposable
{
    private readonly ManualExecutor _executor = new();
    private readonly ManualTimeProvider _time = new();
    private readonly List<string> _log = [];
    private readonly ActorSystem _system;

    public SharedTimerQueueTests() =>
        _system = ActorSystem.Create("queue", new ActorSystemSettings { Executor = _executor, TimeProvider = _time, SharedTimerQueue = true, SchedulerTickDuration = TimeSpan.Zero });

    private sealed record Single(string Key, string Message, TimeSpan Delay);

    private sealed record Periodic(string Key, string Message, TimeSpan Initial, TimeSpan Interval);

    private sealed record Cancel(string Key);

    private sealed class Timed(List<string> log) : UntypedActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Single s:
                    Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                    break;
                case Periodic p:
                    Timers.StartPeriodicTimer(p.Key, p.Message, p.Initial, p.Interval);
                    break;
                case Cancel c:
                    Timers.Cancel(c.Key);
                    break;
                case "replace-while-queued":
                    Timers.StartSingleTimer("k", "old", TimeSpan.Zero);
                    Timers.StartSingleTimer("k", "new", TimeSpan.Zero);
                    break;
                case "cancel-while-queued":
                    Timers.StartSingleTimer("k", "stale", TimeSpan.Zero);
                    Timers.Cancel("k");
                    break;
                case "crash":
                    throw new InvalidOperationException("crash");
                default:
                    log.Add($"{Context.Self.Path.Name}:{message}");
                    break;
            }
        }
    }

    private TimerQueue Queue => _system.TimerQueue!;

    private IActorRef Spawn(string name)
    {
        var actor = _system.ActorOf(Props.Create(() => new Timed(_log)), name);
        _executor.RunAll();
        return actor;
    }

    private void Send(IActorRef actor, object message)
    {
        actor.Tell(message);
        _executor.RunAll();
    }

    private List<string> Advance(TimeSpan by)
    {
        _time.Advance(by);
        _executor.RunAll();
        var seen = _log.ToList();
        _log.Clear();
        return seen;
    }

    public void Dispose()
    {
        _system.Terminate();
        _executor.RunAll();
    }

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

        Assert.Equal(1, _time.ActiveTimerCount);
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
        Assert.Equal(0, _time.ActiveTimerCount);
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
        _system.Stop(b);
        _executor.RunAll();

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
        Assert.Equal(1, _time.ActiveTimerCount);

        _system.Terminate();
        _executor.RunAll();

        Assert.True(_system.IsTerminated);
        Assert.Equal(0, _time.ActiveTimerCount);
    }
}
