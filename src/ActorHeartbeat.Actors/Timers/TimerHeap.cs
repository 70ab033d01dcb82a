namespace ActorHeartbeat.Actors.Timers;

/// <summary>
/// A binary min-heap of items keyed by (due, sequence): the earliest due first, items due at the same
/// instant in sequence (creation) order. Keys live in the heap's own array, so sifting reads no item.
/// Not thread-safe; <see cref="TimerQueue"/> guards it with its lock.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class TimerHeap<T>
    where T : class
{
    private Node[] _nodes = new Node[16];
    private int _count;

    public int Count => _count;

    /// <summary>The earliest due time; only when <see cref="Count"/> is positive.</summary>
    public long MinDue => _nodes[0].Due;

    public void Push(long due, long sequence, T item)
    {
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
        var last = _nodes[--_count];
        _nodes[_count] = default;
        if (_count > 0)
        {
            SiftDown(0, last);
        }

        return top;
    }

    /// <summary>Gives the earliest item a new due time (same sequence) and restores the order; only when <see cref="Count"/> is positive.</summary>
    public void RescheduleMin(long due)
    {
        var node = _nodes[0];
        SiftDown(0, new Node(due, node.Sequence, node.Item));
    }

    /// <summary>Drops every item matching <paramref name="remove"/> in O(n) and rebuilds the order.</summary>
    public void RemoveWhere(Func<T, bool> remove)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (!remove(_nodes[i].Item))
            {
                _nodes[kept++] = _nodes[i];
            }
        }

        Array.Clear(_nodes, kept, _count - kept);
        _count = kept;
        for (var i = (_count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i, _nodes[i]);
        }

        if (_nodes.Length > 64 && _count < _nodes.Length / 4)
        {
            Array.Resize(ref _nodes, Math.Max(16, _count * 2));
        }
    }

    private static bool Before(in Node a, in Node b) => a.Due < b.Due || (a.Due == b.Due && a.Sequence < b.Sequence);

    private void SiftUp(int index, Node node)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(node, _nodes[parent]))
            {
                break;
            }

            _nodes[index] = _nodes[parent];
            index = parent;
        }

        _nodes[index] = node;
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

            _nodes[index] = _nodes[child];
            index = child;
        }

        _nodes[index] = node;
    }

    private readonly record struct Node(long Due, long Sequence, T Item);
}
