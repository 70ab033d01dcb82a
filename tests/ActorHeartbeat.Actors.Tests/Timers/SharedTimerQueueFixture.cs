using ActorHeartbeat.Actors.Tests.Support;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.TestKit;

namespace ActorHeartbeat.Actors.Tests.Timers;

/// <summary>
/// A system whose actor timers run on the shared timer queue with the given tick, on virtual time and a
/// manual executor; its <c>Timed</c> actors start, cancel and log timers on command.
/// </summary>
public abstract class SharedTimerQueueFixture : IDisposable
{
    private readonly ManualExecutor _executor = new();
    private readonly ManualTimeProvider _time = new();
    private readonly List<string> _log = [];
    private readonly ActorSystem _system;

    protected SharedTimerQueueFixture(TimeSpan tick) =>
        _system = ActorSystem.Create("queue", new ActorSystemSettings { Executor = _executor, TimeProvider = _time, SharedTimerQueue = true, SchedulerTickDuration = tick });

    protected sealed record Single(string Key, string Message, TimeSpan Delay);

    protected sealed record Periodic(string Key, string Message, TimeSpan Initial, TimeSpan Interval);

    protected sealed record Aligned(string Key, string Message, TimeSpan Initial, TimeSpan Interval, TimeSpan Grid);

    protected sealed record Cancel(string Key);

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
                case Aligned a:
                    Timers.StartAlignedPeriodicTimer(a.Key, a.Message, a.Initial, a.Interval, a.Grid);
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

    protected ManualTimeProvider Time => _time;

    internal ManualExecutor Executor => _executor;

    protected ActorSystem System => _system;

    internal TimerQueue Queue => _system.TimerQueue!;

    protected IActorRef Spawn(string name)
    {
        var actor = _system.ActorOf(Props.Create(() => new Timed(_log)), name);
        _executor.RunAll();
        return actor;
    }

    protected void Send(IActorRef actor, object message)
    {
        actor.Tell(message);
        _executor.RunAll();
    }

    protected List<string> Advance(TimeSpan by)
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
        GC.SuppressFinalize(this);
    }
}
