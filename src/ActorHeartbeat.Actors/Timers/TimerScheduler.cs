using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Timers;

/// <summary>The actor cell's implementation of <see cref="ITimerScheduler"/>.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    // System.Threading.Timer's limit: 0xFFFFFFFE milliseconds.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    // Most actors run one timer at a time: it lives in this field (its key is the entry's); a dictionary
    // holds the others only while there are more (an actor with one timer costs no dictionary).
    private TimerEntry? _sole;
    private Dictionary<object, TimerEntry>? _timers;

    public void StartSingleTimer(object key, object message, TimeSpan timeout)
    {
        Check(timeout, nameof(timeout), allowZero: true);
        Start(key, message, timeout, Timeout.InfiniteTimeSpan, grid: 0);
    }

    public void StartPeriodicTimer(object key, object message, TimeSpan interval)
    {
        Check(interval, nameof(interval), allowZero: false);
        StartPeriodicTimer(key, message, interval, interval);
    }

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        Check(initialDelay, nameof(initialDelay), allowZero: true);
        Check(interval, nameof(interval), allowZero: false);
        Start(key, message, initialDelay, interval, grid: 0);
    }

    public void StartAlignedPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval, TimeSpan grid)
    {
        Check(initialDelay, nameof(initialDelay), allowZero: true);
        Check(interval, nameof(interval), allowZero: false);
        Check(grid, nameof(grid), allowZero: false);
        Start(key, message, initialDelay, interval, Timestamps.ToTimestamp(cell.System.TimeProvider, grid));
    }

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (_sole is not null && Equals(_sole.Key, key)) || _timers?.ContainsKey(key) == true;
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (TryRemove(key, out var entry))
        {
            Stop(entry);
        }
    }

    public void CancelAll()
    {
        if (_sole is { } sole)
        {
            _sole = null;
            Stop(sole);
        }

        if (_timers is null || _timers.Count == 0)
        {
            return;
        }

        foreach (var entry in _timers.Values)
        {
            Stop(entry);
        }

        _timers.Clear();
    }

    /// <summary>True when <paramref name="entry"/> is still current (a fired single timer is then removed).</summary>
    internal bool TryConsume(TimerEntry entry)
    {
        // An entry is stopped exactly when it is no longer registered, so no lookup is needed here.
        if (entry.IsStopped)
        {
            return false;
        }

        if (entry.IsSingle)
        {
            TryRemove(entry.Key, out _);
            Stop(entry);
        }

        return true;
    }

    private bool TryRemove(object key, out TimerEntry entry)
    {
        if (_sole is not null && Equals(_sole.Key, key))
        {
            entry = _sole;
            _sole = null;
            return true;
        }

        if (_timers is not null && _timers.Remove(key, out var found))
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }

    private void Stop(TimerEntry entry)
    {
        entry.IsStopped = true;
        if (entry.Timer is { } timer)
        {
            timer.Dispose();
        }
        else
        {
            cell.System.TimerQueue?.Remove(entry);
        }
    }

    private static void Check(TimeSpan value, string name, bool allowZero)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Timer {name} must be {(allowZero ? "zero or positive" : "positive")}, was {value}.");
        }

        if (value > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Timer {name} {value} is longer than the longest supported timer ({MaxDelay}).");
        }
    }

    // grid: in timestamp units of the system's clock; 0 for none.
    private void Start(object key, object message, TimeSpan due, TimeSpan period, long grid)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (!ReferenceEquals(ActorCell.Current, cell))
        {
            throw new InvalidOperationException($"Timers of {cell.Path} can only be started from inside that actor.");
        }

        Cancel(key);
        var entry = new TimerEntry(cell, key, message, period == Timeout.InfiniteTimeSpan);
        if (_sole is null)
        {
            _sole = entry;
        }
        else
        {
            (_timers ??= []).Add(key, entry);
        }

        if (cell.System.TimerQueue is { } queue)
        {
            queue.Add(entry, due, period, grid);
            return;
        }

        var time = cell.System.TimeProvider;
        if (grid > 0)
        {
            var now = time.GetTimestamp();
            due = Timestamps.ToTimeSpan(time, Timestamps.Due(time, now, due, grid) - now);
        }

        // The timer must not capture the actor's ExecutionContext (async locals would leak into callbacks).
        var suppress = !ExecutionContext.IsFlowSuppressed();
        var flow = suppress ? ExecutionContext.SuppressFlow() : default;
        try
        {
            entry.Timer = time.CreateTimer(static state => ((TimerEntry)state!).Fire(), entry, due, period);
        }
        finally
        {
            if (suppress)
            {
                flow.Undo();
            }
        }
    }
}
