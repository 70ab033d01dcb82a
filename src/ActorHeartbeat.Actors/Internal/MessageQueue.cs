namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// The ordinary messages of one actor: a ring of envelopes that starts at
/// <see cref="InitialCapacity"/> slots, doubles when full and drops back to its first size once a burst
/// past <see cref="ShrinkAbove"/> slots has drained. Any thread enqueues; only the actor's running
/// turn dequeues. Both hold its lock for a few instructions, so an actor that has
/// received messages costs about 100 bytes here instead of a lock-free queue's segment of 32 slots.
/// </summary>
internal sealed class MessageQueue
{
    /// <summary>Slots of a new (or shrunk) ring; a power of two, like every later size.</summary>
    public const int InitialCapacity = 4;

    /// <summary>A drained ring larger than this is replaced by a new small one.</summary>
    public const int ShrinkAbove = 256;

    // A spin lock in a field beside the ring rather than a Monitor or a Lock object: the sections are a
    // few instructions long, and the lock word then shares a cache line with the data it guards (with
    // 10,000 actors each fed in turn, the extra line of a separate lock object was a miss per message).
    private int _locked;
    private Envelope[] _items = new Envelope[InitialCapacity];
    private int _head;
    private int _count;

    /// <summary>Messages waiting (a snapshot when read outside the turn).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>No message waiting (a snapshot when read outside the turn).</summary>
    public bool IsEmpty => Volatile.Read(ref _count) == 0;

    /// <summary>Slots of the current ring (for tests).</summary>
    internal int Capacity
    {
        get
        {
            Enter();
            var length = _items.Length;
            Exit();
            return length;
        }
    }

    public void Enqueue(Envelope envelope)
    {
        Enter();
        var items = _items;
        if (_count == items.Length)
        {
            items = Grow();
        }

        items[(_head + _count) & (items.Length - 1)] = envelope;
        _count++;
        Exit();
    }

    public bool TryDequeue(out Envelope envelope)
    {
        Enter();
        if (_count == 0)
        {
            Exit();
            envelope = default;
            return false;
        }

        var items = _items;
        envelope = items[_head];
        items[_head] = default;
        _head = (_head + 1) & (items.Length - 1);
        _count--;
        if (_count == 0 && items.Length > ShrinkAbove)
        {
            _items = new Envelope[InitialCapacity];
            _head = 0;
        }

        Exit();
        return true;
    }

    private void Enter()
    {
        if (Interlocked.CompareExchange(ref _locked, 1, 0) != 0)
        {
            EnterContended();
        }
    }

    private void EnterContended()
    {
        // SpinWait yields and then sleeps briefly, so a holder that was preempted (or is allocating a
        // grown ring during a collection) gets the core back.
        var spin = default(SpinWait);
        do
        {
            spin.SpinOnce();
        }
        while (Volatile.Read(ref _locked) != 0 || Interlocked.CompareExchange(ref _locked, 1, 0) != 0);
    }

    private void Exit() => Volatile.Write(ref _locked, 0);

    private Envelope[] Grow()
    {
        var old = _items;
        var grown = new Envelope[old.Length * 2];

        // Unwrap the ring: the oldest message goes to slot 0.
        var firstPart = old.Length - _head;
        Array.Copy(old, _head, grown, 0, firstPart);
        Array.Copy(old, 0, grown, firstPart, _head);
        _items = grown;
        _head = 0;
        return grown;
    }
}
