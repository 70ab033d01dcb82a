using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.TestKit.Tests.Actors;

/// <summary>One heartbeat: its number (from 1) and the system clock when the actor handled it.</summary>
internal sealed record Beat(int Number, DateTimeOffset At);

/// <summary>
/// Starts a periodic timer in PreStart and reports every tick to <c>listener</c> as a <see cref="Beat"/>.
/// <c>beforeStart</c>, when given, runs in PreStart before the timer is started.
/// </summary>
internal sealed class HeartbeatActor : ReceiveActor, IWithTimers
{
    private readonly TimeSpan _interval;
    private readonly Action? _beforeStart;
    private int _count;

    public HeartbeatActor(IActorRef listener, TimeSpan interval, Action? beforeStart = null)
    {
        _interval = interval;
        _beforeStart = beforeStart;
        Receive<Tick>(_ => listener.Tell(new Beat(++_count, Context.System.TimeProvider.GetUtcNow()), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _beforeStart?.Invoke();
        Timers.StartPeriodicTimer("heartbeat", Tick.Instance, _interval);
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
