using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Timers;

/// <summary>
/// One started timer. The entry itself is what the timer enqueues; the cell delivers its message only
/// while this very entry is still the one registered under its key, which is how a cancelled or
/// replaced timer's message already in the mailbox is recognised and dropped.
/// </summary>
internal sealed class TimerEntry(ActorCell cell, object key, object message, bool isSingle) : IAutoReceivedMessage, ITimerHeapItem
{
    public object Key { get; } = key;

    public object Message { get; } = message;

    public bool IsSingle { get; } = isSingle;

    /// <summary>The entry's own clock timer when the system has no shared <see cref="TimerQueue"/>.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>Set (by the owning actor only) once the entry is cancelled, replaced or a delivered single timer.</summary>
    internal bool IsStopped;

    /// <summary>Shared-queue bookkeeping, guarded by the queue's lock: the next due timestamp.</summary>
    internal long DueTimestamp;

    /// <summary>Shared-queue bookkeeping: the period in timestamp units (0 for a single timer).</summary>
    internal long PeriodTimestamp;

    /// <summary>Shared-queue bookkeeping: creation rank, which orders entries due at the same instant.</summary>
    internal long Sequence;

    /// <summary>Shared-queue bookkeeping: the entry's slot in the queue's heap, -1 while it waits in none.</summary>
    public int HeapIndex { get; set; } = -1;

    public void Fire() => cell.Enqueue(this, null);
}
