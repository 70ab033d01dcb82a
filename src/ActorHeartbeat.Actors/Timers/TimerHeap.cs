namespace ActorHeartbeat.Actors.Timers;

/// <summary>
/// A binary min-heap of items keyed by (due, sequence): the earliest due first, items due at the same
/// instant in sequence (creation) order. Keys live in the heap's own array, so sifting reads no item;
/// each item knows its slot (<see cref="ITimerHeapItem.HeapIndex"/>), so a cancelled timer leaves the
/// heap at once, in O(log n), instead of lingering — with its message — until it would have been due.
/// Not thread-safe; <see cref="TimerQueue"/> guards it with its lock.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class TimerHeap<T>
    where T : class, ITimerHeapItem
{
    private const int InitialCapacity = 16;

    private Node[] _nodes = new Node[InitialCapacity];
    private int _count;

    public int Count => _count;

    /// <summary>The earliest due time; only when <see cref="Count"/> is positive.</summary>
    public long MinDue => _nodes[0].Due;

    /// <summary>The earliest item; only when <see cref="Count"/> is positive.</summary>
    public T Min => _nodes[0].Item;

    /// <summary>Adds <paramref name="item"/>, which must not be in a heap already.</summary>
    public void Push(long due, long sequence, T item)
    {
        if (item.HeapIndex >= 0)
        {
            throw new InvalidOperationException("The item is already in a timer heap.");
        }

        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        SiftUp(_count++, new Node(due, sequence, item));
    }

    /// <summary>Removes and returns the earliest item; only when <see cref="Count"/> is positive.</summary>
    public T Pop()
    {
        var top = _nodes[0].Item;
        RemoveAt(0);
        return top;
    }

    /// <summary>Takes <paramref name="item"/> out; false when it is in no heap.</summary>
    public bool Remove(T item)
    {
        var index = item.HeapIndex;
        if (index < 0)
        {
            return false;
        }

        if (index >= _count || !ReferenceEquals(_nodes[index].Item, item))
        {
            throw new InvalidOperationException("The item belongs to another timer heap.");
        }

        RemoveAt(index);
        return true;
    }

    /// <summary>Gives the earliest item a new due time (same sequence) and restores the order; only when <see cref="Count"/> is positive.</summary>
    public void RescheduleMin(long due)
    {
        var node = _nodes[0];
        SiftDown(0, new Node(due, node.Sequence, node.Item));
    }

    /// <summary>Empties the heap; every item is then in none.</summary>
    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _nodes[i].Item.HeapIndex = -1;
        }

        _nodes = new Node[InitialCapacity];
        _count = 0;
    }

    private static bool Before(in Node a, in Node b) => a.Due < b.Due || (a.Due == b.Due && a.Sequence < b.Sequence);

    private void RemoveAt(int index)
    {
        _nodes[index].Item.HeapIndex = -1;
        var last = _nodes[--_count];
        _nodes[_count] = default;
        if (index < _count)
        {
            // The last node fills the hole, then moves up or down to where it belongs.
            if (index > 0 && Before(last, _nodes[(index - 1) / 2]))
            {
                SiftUp(index, last);
            }
            else
            {
                SiftDown(index, last);
            }
        }

        if (_nodes.Length > 4 * InitialCapacity && _count < _nodes.Length / 4)
        {
            Array.Resize(ref _nodes, _nodes.Length / 2);
        }
    }

    private void Place(int index, in Node node)
    {
        _nodes[index] = node;
        node.Item.HeapIndex = index;
    }

    private void SiftUp(int index, Node node)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(node, _nodes[parent]))
            {
                break;
            }

            Place(index, _nodes[parent]);
            index = parent;
        }

        Place(index, node);
    }

    private void SiftDown(int index, Node node)
    {
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Before(_nodes[child + 1], _nodes[child]))
            {
                child++;
            }

            if (!Before(_nodes[child], node))
            {
                break;
            }

            Place(index, _nodes[child]);
            index = child;
        }

        Place(index, node);
    }

    private readonly record struct Node(long Due, long Sequence, T Item);
}
