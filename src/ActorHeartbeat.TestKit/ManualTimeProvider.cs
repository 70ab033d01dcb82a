namespace ActorHeartbeat.TestKit;

/// <summary>
/// Virtual time: a <see cref="TimeProvider"/> whose clock moves only when <see cref="Advance"/> is
/// called. Advance fires every timer that falls due, in due order (ties in creation order), each at
/// its own due time, and — when attached to a test kit's actor system — waits after each firing
/// until the actors have processed everything that firing caused, so a test can run ten minutes of
/// heartbeats in microseconds with the same outcome every time. A timer created or changed with a
/// due time of zero fires at once, on the calling thread.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly object _advanceGate = new();
    private readonly SortedSet<VirtualTimer> _queue = new(VirtualTimer.DueOrder);
    private readonly DateTimeOffset _epoch;
    private long _nowTicks;
    private long _sequence;

    /// <summary>Creates virtual time starting at <paramref name="start"/> (default 2026-01-01T00:00:00Z).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) =>
        _epoch = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Virtual time elapsed since creation.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _nowTicks));

    /// <summary>Timers that are scheduled and not yet disposed or finished.</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Called after each timer callback so the caller can wait for the effects to settle.</summary>
    internal Action? AfterCallback { get; set; }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _epoch + Elapsed;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _nowTicks);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="duration"/>, firing due timers one at a time in due
    /// order; a periodic timer fires once per period passed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="duration"/> is negative.</exception>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Virtual time cannot go backwards.");
        }

        lock (_advanceGate)
        {
            var now = Interlocked.Read(ref _nowTicks);
            if (duration.Ticks > DateTimeOffset.MaxValue.UtcTicks - _epoch.UtcTicks - now)
            {
                throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Virtual time cannot go past {DateTimeOffset.MaxValue:O}.");
            }

            var target = now + duration.Ticks;
            while (true)
            {
                VirtualTimer? next;
                lock (_gate)
                {
                    next = _queue.Count > 0 && _queue.Min!.DueTicks <= target ? _queue.Min : null;
                    if (next is null)
                    {
                        // A callback may have advanced the clock further itself (re-entrant Advance).
                        if (target > _nowTicks)
                        {
                            Interlocked.Exchange(ref _nowTicks, target);
                        }

                        break;
                    }

                    _queue.Remove(next);
                    if (next.DueTicks > _nowTicks)
                    {
                        Interlocked.Exchange(ref _nowTicks, next.DueTicks);
                    }

                    next.Rearm();
                }

                next.Invoke();
                AfterCallback?.Invoke();
            }
        }
    }

    /// <summary>Advances to the next due time (if one is within <paramref name="limit"/>) and fires every timer due then; returns whether any fired.</summary>
    public bool AdvanceToNextTimer(TimeSpan limit)
    {
        TimeSpan? due;
        lock (_gate)
        {
            due = _queue.Count > 0 ? TimeSpan.FromTicks(_queue.Min!.DueTicks - _nowTicks) : null;
        }

        if (due is null || due > limit)
        {
            return false;
        }

        Advance(due.Value);
        return true;
    }

    private long NextSequence() => Interlocked.Increment(ref _sequence);

    private void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool fireNow;
        lock (_gate)
        {
            _queue.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            timer.DueTicks = _nowTicks + dueTime.Ticks;
            fireNow = dueTime == TimeSpan.Zero;
            if (!fireNow)
            {
                _queue.Add(timer);
            }
            else
            {
                timer.Rearm();
            }
        }

        if (fireNow)
        {
            timer.Invoke();
        }
    }

    private void Remove(VirtualTimer timer)
    {
        lock (_gate)
        {
            _queue.Remove(timer);
            timer.Disposed = true;
        }
    }

    private sealed class VirtualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        // System.Threading.Timer's limit (0xFFFFFFFE ms); longer spans would also overflow the tick arithmetic.
        private static readonly TimeSpan MaxSpan = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

        public static readonly IComparer<VirtualTimer> DueOrder = Comparer<VirtualTimer>.Create(static (a, b) =>
        {
            var byDue = a.DueTicks.CompareTo(b.DueTicks);
            return byDue != 0 ? byDue : a.Id.CompareTo(b.Id);
        });

        /// <summary>Creation rank: breaks ties between timers due at the same instant.</summary>
        public long Id { get; } = owner.NextSequence();

        public long DueTicks { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            ValidateSpan(dueTime, nameof(dueTime));
            ValidateSpan(period, nameof(period));
            if (Disposed)
            {
                return false;
            }

            owner.Schedule(this, dueTime, period);
            return true;
        }

        /// <summary>Called under the owner's lock once the timer left the queue: re-queues a periodic timer.</summary>
        public void Rearm()
        {
            if (Period is { } period && !Disposed)
            {
                DueTicks += period.Ticks;
                owner._queue.Add(this);
            }
        }

        public void Invoke()
        {
            if (!Disposed)
            {
                callback(state);
            }
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private static void ValidateSpan(TimeSpan value, string name)
        {
            if (value == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"Timer {name} must not be negative.");
            }

            if (value > MaxSpan)
            {
                throw new ArgumentOutOfRangeException(name, value, $"Timer {name} {value} is longer than the longest timer the system clock supports ({MaxSpan}).");
            }
        }
    }
}
