using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Dispatch;

/// <summary>
/// Lets a thread of its own — an I/O event loop — run the turns of the actors it wakes instead of
/// handing each one to the thread pool, which would wake a pool thread for every message that loop
/// delivers. While a queue is attached to the current thread (<see cref="Attach"/>), an actor of a
/// system on the default thread-pool executor that becomes runnable through a message sent on this
/// thread is queued here; <see cref="RunPending"/> runs the queued turns in the order the actors
/// were woken, including the turns of actors those turns wake in turn. Mailbox semantics are
/// unchanged: an actor still runs one turn at a time, whichever thread runs it. Actors of a system
/// with another executor (a test kit's) are scheduled as usual. Used from the attached thread only.
/// </summary>
public sealed class LocalTurnQueue
{
    [ThreadStatic]
    private static LocalTurnQueue? t_attached;

    private readonly Queue<ActorCell> _turns = new();
    private readonly int _maxTurnsPerRun;

    /// <summary>Creates a queue.</summary>
    /// <param name="maxTurnsPerRun">
    /// The most turns one <see cref="RunPending"/> runs (default 4,096); turns still queued then go to
    /// the thread pool, so that actors messaging each other without end cannot keep the thread from its
    /// own work.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTurnsPerRun"/> is below 1.</exception>
    public LocalTurnQueue(int maxTurnsPerRun = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTurnsPerRun, 1);
        _maxTurnsPerRun = maxTurnsPerRun;
    }

    /// <summary>Turns queued and not run yet.</summary>
    public int Count => _turns.Count;

    /// <summary>The queue attached to the current thread, or null.</summary>
    internal static LocalTurnQueue? Current => t_attached;

    /// <summary>Attaches this queue to the current thread until <see cref="Detach"/>.</summary>
    /// <exception cref="InvalidOperationException">The thread already has a queue, or is a thread-pool thread (whose turns the pool runs well already).</exception>
    public void Attach()
    {
        if (t_attached is not null)
        {
            throw new InvalidOperationException("This thread already has a local turn queue attached.");
        }

        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            throw new InvalidOperationException("A local turn queue is for a thread of its own, not a thread-pool thread.");
        }

        t_attached = this;
    }

    /// <summary>
    /// Detaches the queue from the current thread; turns still queued go to the thread pool, so no
    /// actor is left runnable with nobody to run it.
    /// </summary>
    /// <exception cref="InvalidOperationException">This queue is not the one attached to the current thread.</exception>
    public void Detach()
    {
        if (!ReferenceEquals(t_attached, this))
        {
            throw new InvalidOperationException("This local turn queue is not attached to the current thread.");
        }

        t_attached = null;
        HandToPool();
    }

    /// <summary>
    /// Runs the queued turns on the current thread, at most the limit given at construction; the
    /// remainder goes to the thread pool. Returns the number of turns run.
    /// </summary>
    /// <exception cref="InvalidOperationException">This queue is not the one attached to the current thread.</exception>
    public int RunPending()
    {
        if (!ReferenceEquals(t_attached, this))
        {
            throw new InvalidOperationException("This local turn queue is not attached to the current thread.");
        }

        var run = 0;
        while (run < _maxTurnsPerRun && _turns.TryDequeue(out var cell))
        {
            cell.Execute();
            run++;
        }

        HandToPool();
        return run;
    }

    /// <summary>Queues the turn of a cell made runnable on the attached thread.</summary>
    internal void Add(ActorCell cell) => _turns.Enqueue(cell);

    private void HandToPool()
    {
        while (_turns.TryDequeue(out var cell))
        {
            ThreadPoolExecutor.Instance.Schedule(cell);
        }
    }
}
