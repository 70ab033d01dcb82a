using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Core;

/// <summary>
/// Sends that wait while a connection is not up. Bounded: when full, <see cref="OverflowPolicy.Reject"/>
/// refuses the new message and <see cref="OverflowPolicy.DropOldest"/> drops (and counts) the oldest.
/// Messages a dead connection could not send go back to the front, in order. Pure; not thread-safe.
/// </summary>
/// <typeparam name="T">The buffered message type.</typeparam>
public sealed class SendBuffer<T>
{
    private readonly LinkedList<T> _items = new();

    /// <summary>Creates an empty buffer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacity"/> is below 1.</exception>
    public SendBuffer(int capacity, OverflowPolicy overflow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        Overflow = overflow;
    }

    /// <summary>The most messages held.</summary>
    public int Capacity { get; }

    /// <summary>What happens when full.</summary>
    public OverflowPolicy Overflow { get; }

    /// <summary>Messages held.</summary>
    public int Count => _items.Count;

    /// <summary>Messages dropped by <see cref="OverflowPolicy.DropOldest"/> so far.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds <paramref name="item"/> at the end.</summary>
    /// <param name="item">The message.</param>
    /// <param name="dropped">The message dropped to make room, if any.</param>
    /// <returns>False when the buffer is full and the policy is <see cref="OverflowPolicy.Reject"/> (the item is not added).</returns>
    public bool TryAdd(T item, out T? dropped)
    {
        dropped = default;
        if (_items.Count >= Capacity)
        {
            if (Overflow == OverflowPolicy.Reject)
            {
                return false;
            }

            dropped = _items.First!.Value;
            _items.RemoveFirst();
            Dropped++;
        }

        _items.AddLast(item);
        return true;
    }

    /// <summary>Puts messages a connection could not send back at the front, keeping their order; the overflow policy applies to what no longer fits.</summary>
    /// <returns>The messages that did not fit (dropped or refused), oldest first.</returns>
    public IReadOnlyList<T> ReturnToFront(IReadOnlyList<T> unsent)
    {
        ArgumentNullException.ThrowIfNull(unsent);
        for (var i = unsent.Count - 1; i >= 0; i--)
        {
            _items.AddFirst(unsent[i]);
        }

        var overflow = new List<T>();
        while (_items.Count > Capacity)
        {
            if (Overflow == OverflowPolicy.DropOldest)
            {
                overflow.Add(_items.First!.Value);
                _items.RemoveFirst();
                Dropped++;
            }
            else
            {
                overflow.Add(_items.Last!.Value);
                _items.RemoveLast();
            }
        }

        if (Overflow == OverflowPolicy.Reject)
        {
            overflow.Reverse();
        }

        return overflow;
    }

    /// <summary>Removes and returns everything, oldest first.</summary>
    public IReadOnlyList<T> DrainAll()
    {
        var all = _items.ToList();
        _items.Clear();
        return all;
    }
}
