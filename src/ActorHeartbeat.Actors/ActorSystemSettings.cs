using ActorHeartbeat.Actors.Dispatch;

namespace ActorHeartbeat.Actors;

/// <summary>
/// Plain settings of an <see cref="ActorSystem"/>. The layer above reads them from HOCON; the kernel
/// itself reads no files.
/// </summary>
public sealed class ActorSystemSettings
{
    /// <summary>
    /// The most ordinary messages one actor processes per turn before it yields its thread to other
    /// actors. Default 100. Higher favours throughput, lower favours fairness and latency.
    /// </summary>
    public int Throughput { get; init; } = 100;

    /// <summary>
    /// The clock for every timer, deadline and timestamp of the system. Default
    /// <see cref="TimeProvider.System"/>; tests pass a virtual clock.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The resolution of the shared timer queue (Akka's <c>akka.scheduler.tick-duration</c>, also 10 ms by
    /// default): actor timers on the system clock fire at or after their due time, never before, and at
    /// most one tick late; every entry due within the same tick fires in one wake-up of the queue, so
    /// 10,000 timers spread over a second cost at most 1/tick wake-ups instead of one each. Zero fires
    /// each entry at its own due time (to the clock timer's millisecond). A system whose timers each
    /// get their own clock timer (any clock other than <see cref="TimeProvider.System"/>, such as a test
    /// kit's virtual clock) fires them exactly and ignores this value. Must be between 0 and 1 s.
    /// </summary>
    public TimeSpan SchedulerTickDuration { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The timeout of an Ask that names none. Default 10 s.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Runs mailbox turns; the thread pool unless a test kit supplies its own.</summary>
    internal IActorExecutor Executor { get; init; } = ThreadPoolExecutor.Instance;

    /// <summary>
    /// Whether actor timers share one queue per system driven by a single clock timer (true) or each
    /// get a timer of their own from the clock (false). Null (the default) chooses the shared queue for
    /// <see cref="TimeProvider.System"/>, where one timer per actor timer makes .NET's timer queue the
    /// main cost, and own timers for any other clock: a virtual clock then orders and interleaves every
    /// actor timer exactly as it defines (a test kit's clock, for example, lets the actors settle after
    /// each single firing, which one shared timer cannot give for timers due at the same instant). Set
    /// true for a real-time clock of another type, such as one whose timers fire on an I/O event loop.
    /// </summary>
    public bool? SharedTimerQueue { get; init; }

    internal void Validate()
    {
        if (Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "Throughput must be at least 1 message per turn.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (SchedulerTickDuration < TimeSpan.Zero || SchedulerTickDuration > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(SchedulerTickDuration), SchedulerTickDuration, "SchedulerTickDuration must be between 0 and 1 s.");
        }

        if (AskTimeout <= TimeSpan.Zero && AskTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(AskTimeout), AskTimeout, "AskTimeout must be positive or infinite.");
        }
    }
}
