using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Timers;

/// <summary>
/// The actor timers of one system in a single queue ordered by (due, creation), driven by one
/// <see cref="ITimer"/> from the system's <see cref="TimeProvider"/> that is always armed for the end
/// of the tick (<see cref="ActorSystemSettings.SchedulerTickDuration"/>) holding the earliest entry, so
/// that entries due within one tick share a wake-up. Each firing takes every entry that is due, in
/// order, re-queues periodic ones (fixed rate: the next due is the previous due plus the period; a tick
/// missed by more than a whole period is skipped rather than caught up) and enqueues their messages;
/// the actors woken are then run in a few batched pool work items instead of one each. A cancelled
/// entry leaves the heap at once.
/// </summary>
internal sealed class TimerQueue : IDisposable
{
    /// <summary>On the system clock, the shortest wait before a firing (its timers have millisecond granularity).</summary>
    private const double RealClockGranularityMs = 1;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TimerHeap<TimerEntry> _heap = new();
    private readonly bool _wholeMilliseconds;
    private readonly long _tick;
    private ITimer? _timer;
    private TimerEntry[]? _spareBuffer;
    private long _armedFor = long.MaxValue;
    private long _sequence;
    private bool _disposed;

    public TimerQueue(TimeProvider time, TimeSpan tick)
    {
        _time = time;
        _tick = ToTimestamp(tick);

        // The system clock's timers have millisecond granularity: arming for a rounded-down delay would
        // fire before the entry is due and cost an extra wake-up.
        _wholeMilliseconds = ReferenceEquals(time, TimeProvider.System);
    }

    /// <summary>Entries waiting (cancelled ones not counted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _heap.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="entry"/> to fire after <paramref name="due"/> and then every
    /// <paramref name="period"/> (<see cref="Timeout.InfiniteTimeSpan"/>: once). With a
    /// <paramref name="grid"/> (timestamp units; 0: none) the first due is moved to the next whole
    /// multiple of it. A zero due that needs no alignment fires on the calling thread before this
    /// returns. No effect once the queue is disposed.
    /// </summary>
    public void Add(TimerEntry entry, TimeSpan due, TimeSpan period, long grid = 0)
    {
        var fireNow = false;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            entry.Sequence = ++_sequence;
            entry.PeriodTimestamp = period == Timeout.InfiniteTimeSpan ? 0 : Math.Max(1, ToTimestamp(period));

            // Aligned on the same reading of the clock as the due, so the entry lands exactly on a grid instant.
            entry.DueTimestamp = Timestamps.Due(_time, now, due, grid);
            if (due == TimeSpan.Zero && entry.DueTimestamp == now)
            {
                fireNow = true;
                if (entry.PeriodTimestamp != 0)
                {
                    entry.DueTimestamp = now + entry.PeriodTimestamp;
                    Enqueue(entry, now);
                }
            }
            else
            {
                Enqueue(entry, now);
            }
        }

        if (fireNow)
        {
            entry.Fire();
        }
    }

    /// <summary>Takes <paramref name="entry"/> out of the queue; it will not fire again (a message already enqueued is the caller's to drop).</summary>
    public void Remove(TimerEntry entry)
    {
        lock (_gate)
        {
            if (_heap.Remove(entry) && _heap.Count == 0)
            {
                Disarm();
            }
        }
    }

    /// <summary>Stops the clock timer; nothing fires afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _heap.Clear();
            _armedFor = long.MaxValue;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Enqueue(TimerEntry entry, long now)
    {
        _heap.Push(entry.DueTimestamp, entry.Sequence, entry);
        if (Slot(entry.DueTimestamp) < _armedFor)
        {
            Arm(entry.DueTimestamp, now);
        }
    }

    private void OnTimer()
    {
        TimerEntry[]? due = null;
        var count = 0;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _armedFor = long.MaxValue;
            var now = _time.GetTimestamp();
            while (_heap.Count > 0 && _heap.MinDue <= now)
            {
                var entry = _heap.Min;
                if (entry.PeriodTimestamp == 0)
                {
                    _heap.Pop();
                }
                else
                {
                    var next = entry.DueTimestamp + entry.PeriodTimestamp;
                    entry.DueTimestamp = next > now ? next : now + entry.PeriodTimestamp;
                    _heap.RescheduleMin(entry.DueTimestamp);
                }

                due ??= Interlocked.Exchange(ref _spareBuffer, null) ?? new TimerEntry[64];
                if (count == due.Length)
                {
                    Array.Resize(ref due, due.Length * 2);
                }

                due[count++] = entry;
            }

            if (_heap.Count > 0)
            {
                Arm(_heap.MinDue, now);
            }
        }

        if (due is not null)
        {
            // Firings may overlap on a real clock, so each takes the spare buffer for itself and puts it back.
            ActorCell.WakeInBatches(due, count);
            Array.Clear(due, 0, count);
            Volatile.Write(ref _spareBuffer, due);
        }
    }

    /// <summary>The end of the tick that <paramref name="dueTimestamp"/> falls in: when the queue wakes for it.</summary>
    private long Slot(long dueTimestamp) => Timestamps.AlignUp(dueTimestamp, _tick);

    private void Arm(long dueTimestamp, long now)
    {
        var slot = Slot(dueTimestamp);
        _armedFor = slot;
        var delay = ToTimeSpan(Math.Max(1, slot - now));
        if (_wholeMilliseconds)
        {
            delay = TimeSpan.FromMilliseconds(Math.Max(Math.Ceiling(delay.TotalMilliseconds), RealClockGranularityMs));
        }

        if (_timer is null)
        {
            // The timer must not capture the ExecutionContext of whichever actor happened to arm it first.
            var suppress = !ExecutionContext.IsFlowSuppressed();
            var flow = suppress ? ExecutionContext.SuppressFlow() : default;
            try
            {
                _timer = _time.CreateTimer(static state => ((TimerQueue)state!).OnTimer(), this, delay, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                if (suppress)
                {
                    flow.Undo();
                }
            }
        }
        else
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Disarm()
    {
        if (_armedFor != long.MaxValue)
        {
            _armedFor = long.MaxValue;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private long ToTimestamp(TimeSpan span) => Timestamps.ToTimestamp(_time, span);

    private TimeSpan ToTimeSpan(long timestampDelta) => Timestamps.ToTimeSpan(_time, timestampDelta);
}
