namespace ActorHeartbeat.Transport.Linux;

/// <summary>A timer of <see cref="LoopTimeProvider"/>; its callback runs on the loop thread.</summary>
internal sealed class LoopTimer(SocketEventLoop loop, TimerCallback callback, object? state) : ITimer
{
    /// <summary>Changes with every <see cref="Change"/>, so that the loop recognises a stale schedule of this timer.</summary>
    internal long Version { get; set; }

    /// <summary>The repeat interval in stopwatch ticks; 0 for a one-shot timer.</summary>
    internal long PeriodTicks { get; set; }

    internal bool Disposed { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or more, or infinite.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be zero or more, or infinite.");
        }

        return loop.Schedule(this, dueTime, period);
    }

    internal void Fire() => callback(state);

    public void Dispose() => loop.Cancel(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
