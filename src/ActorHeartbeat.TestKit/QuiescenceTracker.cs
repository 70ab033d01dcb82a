using ActorHeartbeat.Actors.Dispatch;

namespace ActorHeartbeat.TestKit;

/// <summary>
/// Runs mailbox turns on the thread pool like the default executor, and counts the turns that are
/// queued or running, so a test can wait until the actor system has nothing left to do. A turn that
/// schedules another (itself or a receiver) raises the count before its own completion lowers it, so
/// the count reaches zero only when the whole cascade is done.
/// </summary>
internal sealed class QuiescenceTracker : IActorExecutor
{
    private readonly object _gate = new();
    private int _pending;

    public void Schedule(IThreadPoolWorkItem turn)
    {
        lock (_gate)
        {
            _pending++;
        }

        ThreadPool.UnsafeQueueUserWorkItem(new TrackedTurn(this, turn), preferLocal: true);
    }

    /// <summary>Waits until no turn is queued or running; false when <paramref name="timeout"/> (real time) passed first.</summary>
    public bool WaitForIdle(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (_pending > 0)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || !Monitor.Wait(_gate, TimeSpan.FromMilliseconds(remaining)))
                {
                    return _pending == 0;
                }
            }

            return true;
        }
    }

    private void Completed()
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    private sealed class TrackedTurn(QuiescenceTracker owner, IThreadPoolWorkItem turn) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                turn.Execute();
            }
            finally
            {
                owner.Completed();
            }
        }
    }
}
