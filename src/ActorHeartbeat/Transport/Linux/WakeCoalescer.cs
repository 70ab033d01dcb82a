namespace ActorHeartbeat.Transport.Linux;

/// <summary>
/// Decides whether an event loop waits before its next poll, so that the messages arriving
/// meanwhile are read in one wake-up instead of one each (what a network card's interrupt moderation
/// does). Waiting pays only when several sockets become ready within one window: otherwise it adds a
/// sleep per wake-up instead of saving one. So the loop waits, never past one window after its
/// previous wake-up, in two cases: while busy — the socket events it saw over the last measuring
/// period average at least <see cref="MinEventsPerWindow"/> per window — and in a burst: a wake-up
/// found sockets ready less than a window after the previous one that did (the answers to a group of
/// pings sent together, trickling back one by one while the loop is otherwise quiet); the poll after
/// the wait, a window later, ends it. Pure: times come in as stopwatch ticks.
/// </summary>
internal sealed class WakeCoalescer
{
    /// <summary>Events per window at which waiting starts to pay.</summary>
    public const int MinEventsPerWindow = 4;

    private readonly long _window;
    private readonly long _period;
    private long _lastWake = long.MinValue / 2;
    private long _periodStart = long.MinValue / 2;
    private long _eventsInPeriod;
    private long _lastSocketWake = long.MinValue / 2;
    private bool _busy;
    private bool _inBurst;

    /// <param name="window">The longest wait before a poll, in stopwatch ticks; 0 never waits.</param>
    /// <param name="period">How long the event rate is measured before it is judged, in stopwatch ticks.</param>
    public WakeCoalescer(long window, long period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = window;
        _period = period;
    }

    /// <summary>True while the measured rate makes waiting worthwhile.</summary>
    public bool IsBusy => _busy;

    /// <summary>True when the last wake-up found sockets ready less than a window after the previous one that did.</summary>
    public bool InBurst => _inBurst;

    /// <summary>A poll returned at <paramref name="now"/> with <paramref name="events"/> ready sockets.</summary>
    public void Polled(long now, int events)
    {
        _lastWake = now;
        _inBurst = events > 0 && now - _lastSocketWake < _window;
        if (events > 0)
        {
            _lastSocketWake = now;
        }

        if (now - _periodStart >= _period)
        {
            // Judge the period that ended: at least MinEventsPerWindow events per window on average.
            _busy = _window > 0 && _eventsInPeriod * _window >= MinEventsPerWindow * (now - _periodStart);
            _periodStart = now;
            _eventsInPeriod = 0;
        }

        _eventsInPeriod += events;
    }

    /// <summary>How long to wait at <paramref name="now"/> before polling, in stopwatch ticks (0: poll now).</summary>
    public long WaitBeforePoll(long now) => _busy || _inBurst ? Math.Max(0, _lastWake + _window - now) : 0;
}
