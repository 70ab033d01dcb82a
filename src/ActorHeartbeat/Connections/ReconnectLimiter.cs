using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Connections;

/// <summary>
/// Caps reconnect attempts across all connections (HOCON <c>max-reconnects-per-second</c>): each
/// reconnect asks for a permit; beyond the rate, requests wait their turn in arrival order, so ten
/// thousand connections dropped at once reach a recovering server at the configured pace.
/// </summary>
internal sealed class ReconnectLimiter : ReceiveActor, IWithTimers
{
    private readonly TokenBucket _bucket;
    private readonly Queue<IActorRef> _waiting = new();
    private readonly TimeProvider _time;
    private readonly long _epoch;

    public ReconnectLimiter(double ratePerSecond)
    {
        _time = Context.System.TimeProvider;
        _epoch = _time.GetTimestamp();
        _bucket = new TokenBucket(ratePerSecond, Math.Max(1, (int)Math.Ceiling(ratePerSecond)), Now);
        Receive<RequestPermit>(_ =>
        {
            _waiting.Enqueue(Sender);
            Grant();
        });
        Receive<GrantDue>(_ => Grant());
        Receive<Terminated>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(double ratePerSecond) => Actors.Props.Create(() => new ReconnectLimiter(ratePerSecond));

    private TimeSpan Now => _time.GetElapsedTime(_epoch);

    private void Grant()
    {
        while (_waiting.Count > 0 && _bucket.TryTake(Now))
        {
            _waiting.Dequeue().Tell(Permit.Instance, Self);
        }

        if (_waiting.Count > 0 && !Timers.IsTimerActive("grant"))
        {
            Timers.StartSingleTimer("grant", GrantDue.Instance, _bucket.UntilNext(Now));
        }
    }

    /// <summary>Asks for one reconnect; answered with <see cref="Permit"/> when it may start.</summary>
    public sealed record RequestPermit
    {
        public static RequestPermit Instance { get; } = new();
    }

    /// <summary>A reconnect may start now.</summary>
    public sealed record Permit
    {
        public static Permit Instance { get; } = new();
    }

    private sealed record GrantDue
    {
        public static GrantDue Instance { get; } = new();
    }
}
