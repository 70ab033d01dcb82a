using System.Collections.Concurrent;

namespace ActorHeartbeat.Actors;

/// <summary>
/// Sends messages to actors later, on the system's <see cref="TimeProvider"/>. Every scheduled send is
/// cancelled when the system terminates, so none outlives it.
/// </summary>
public sealed class Scheduler
{
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<ScheduledTell, byte> _active = new();

    internal Scheduler(ActorSystem system) => _system = system;

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="delay"/> is negative.</exception>
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "Delay must not be negative.");
        }

        return Start(delay, Timeout.InfiniteTimeSpan, receiver, message, sender);
    }

    /// <summary>Tells <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the delay is negative or the interval not positive.</exception>
    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null)
    {
        if (initialDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialDelay), initialDelay, "Initial delay must not be negative.");
        }

        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Interval must be positive.");
        }

        return Start(initialDelay, interval, receiver, message, sender);
    }

    internal void CancelAll()
    {
        foreach (var scheduled in _active.Keys)
        {
            scheduled.Cancel();
        }
    }

    private ScheduledTell Start(TimeSpan due, TimeSpan period, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        _system.EnsureRunning();
        var scheduled = new ScheduledTell(this, receiver, message, sender, period == Timeout.InfiniteTimeSpan);
        _active.TryAdd(scheduled, 0);
        using (ExecutionContext.SuppressFlow())
        {
            scheduled.Timer = _system.TimeProvider.CreateTimer(static s => ((ScheduledTell)s!).Fire(), scheduled, due, period);
        }

        return scheduled;
    }

    private sealed class ScheduledTell(Scheduler owner, IActorRef receiver, object message, IActorRef? sender, bool once) : ICancelable
    {
        private int _cancelled;

        public ITimer? Timer { get; set; }

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                Timer?.Dispose();
                owner._active.TryRemove(this, out _);
            }
        }

        public void Fire()
        {
            if (IsCancellationRequested)
            {
                return;
            }

            if (once)
            {
                Cancel();
            }

            if (!owner._system.IsTerminated)
            {
                receiver.Tell(message, sender);
            }
        }
    }
}
