namespace ActorHeartbeat.Transport.Linux;

/// <summary>
/// The system clock, with timers that fire on a <see cref="SocketEventLoop"/>'s thread: the loop sleeps
/// in epoll until the earliest one is due (rounded up to the millisecond, so never early). An actor
/// system on this clock runs its timer wake-ups — heartbeat ticks, deadlines — on the same thread that
/// reads the sockets, instead of waking a pool thread for each.
/// </summary>
internal sealed class LoopTimeProvider(SocketEventLoop loop) : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LoopTimer(loop, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }
}
