using ActorHeartbeat.Actors.Dispatch;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>Waking many actors at once (a timer firing) with a few pool work items instead of one per actor.</summary>
internal sealed partial class ActorCell
{
    /// <summary>While a batch wake runs on this thread: the actors it made runnable, not yet scheduled.</summary>
    [ThreadStatic]
    private static List<ActorCell>? t_woken;

    [ThreadStatic]
    private static List<ActorCell>? t_wokenSpare;

    /// <summary>
    /// Enqueues the messages of <paramref name="entries"/> (the first <paramref name="count"/>, in
    /// order). Actors running on the thread-pool executor that this makes runnable are run in work
    /// items of up to <see cref="TurnBatch.ChunkSize"/> turns each, the last batch on this thread when it is
    /// a pool thread; on a thread with a <see cref="LocalTurnQueue"/> they go to that queue; any other
    /// executor gets each turn as usual (a test kit counts them).
    /// </summary>
    internal static void WakeInBatches(TimerEntry[] entries, int count)
    {
        // A turn run inline below may itself start a batch wake (a nested virtual clock); it then finds no spare list.
        var outer = t_woken;
        var woken = t_wokenSpare ?? [];
        t_wokenSpare = null;
        t_woken = woken;
        try
        {
            for (var i = 0; i < count; i++)
            {
                entries[i].Fire();
            }
        }
        finally
        {
            t_woken = outer;
        }

        if (outer is null && LocalTurnQueue.Current is { } local)
        {
            // On an event-loop thread: its own queue runs the turns after the firing, on this thread.
            foreach (var cell in woken)
            {
                local.Add(cell);
            }

            woken.Clear();
            t_wokenSpare = woken;
            return;
        }

        var inline = Thread.CurrentThread.IsThreadPoolThread && outer is null && t_current is null ? Math.Min(TurnBatch.ChunkSize, woken.Count) : 0;
        TurnBatch.Queue(woken, inline);

        for (var i = 0; i < inline; i++)
        {
            woken[i].Execute();
        }

        woken.Clear();
        t_wokenSpare = woken;
    }

    /// <summary>Takes this newly scheduled actor into the current batch wake; false when there is none or it does not apply.</summary>
    private bool TryJoinWakeBatch()
    {
        if (t_woken is { } woken && _system.Executor is ThreadPoolExecutor)
        {
            woken.Add(this);
            return true;
        }

        return false;
    }
}
