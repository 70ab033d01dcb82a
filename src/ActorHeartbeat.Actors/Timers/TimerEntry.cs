using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Timers;

/// <summary>
/// One started timer. The entry itself is what the timer enqueues; the cell delivers its message only
/// while this very entry is still the one registered under its key, which is how a cancelled or
/// replaced timer's message already in the mailbox is recognised and dropped.
/// </summary>
internal sealed class TimerEntry(ActorCell cell, object key, object message, bool isSingle) : IAutoReceivedMessage
{
    public object Key { get; } = key;

    public object Message { get; } = message;

    public bool IsSingle { get; } = isSingle;

    public ITimer? Timer { get; set; }

    public void Fire() => cell.Enqueue(new Envelope(this, null));
}
