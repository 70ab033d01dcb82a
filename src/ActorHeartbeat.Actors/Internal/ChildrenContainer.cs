using ActorHeartbeat.Actors.Supervision;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// A parent's children. Guarded by a lock because the system's guardians accept ActorOf from any
/// thread; a child's name stays reserved until the parent has processed its termination.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, ActorCell> _byName = new(StringComparer.Ordinal);
    private HashSet<ActorCell>? _stopping;
    private Dictionary<ActorCell, RestartStatistics>? _statistics;
    private long _nameCounter;
    private bool _closed;

    public object SyncRoot => _byName;

    /// <summary>All children, live and stopping.</summary>
    public int Count
    {
        get
        {
            lock (_byName)
            {
                return _byName.Count;
            }
        }
    }

    public bool HasStopping
    {
        get
        {
            lock (_byName)
            {
                return _stopping is { Count: > 0 };
            }
        }
    }

    public string NextGeneratedName()
    {
        var n = Interlocked.Increment(ref _nameCounter);
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            var digit = (int)(n % 36);
            buffer[--i] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            n /= 36;
        }
        while (n > 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }

    /// <summary>Adds a child under a unique name, or throws when the name is taken.</summary>
    public void Reserve(string name, ActorCell child)
    {
        lock (_byName)
        {
            if (_closed)
            {
                throw new InvalidOperationException($"Cannot create actor [{name}]: its parent is stopping.");
            }

            if (!_byName.TryAdd(name, child))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique: a sibling with that name exists or has not finished stopping.");
            }
        }
    }

    /// <summary>Marks a live child as stopping; false when it is not a live child.</summary>
    public bool MarkStopping(ActorCell child)
    {
        lock (_byName)
        {
            if (!_byName.TryGetValue(child.Name, out var found) || !ReferenceEquals(found, child))
            {
                return false;
            }

            return (_stopping ??= []).Add(child);
        }
    }

    public bool IsLive(ActorCell child)
    {
        lock (_byName)
        {
            return _byName.TryGetValue(child.Name, out var found) && ReferenceEquals(found, child) &&
                   (_stopping is null || !_stopping.Contains(child));
        }
    }

    /// <summary>Removes a terminated child and frees its name.</summary>
    public void Remove(ActorCell child)
    {
        lock (_byName)
        {
            if (_byName.TryGetValue(child.Name, out var found) && ReferenceEquals(found, child))
            {
                _byName.Remove(child.Name);
            }

            _stopping?.Remove(child);
            _statistics?.Remove(child);
        }
    }

    public ActorCell? GetLive(string name)
    {
        lock (_byName)
        {
            return _byName.TryGetValue(name, out var child) && (_stopping is null || !_stopping.Contains(child)) ? child : null;
        }
    }

    public List<ActorCell> LiveChildren()
    {
        lock (_byName)
        {
            var list = new List<ActorCell>(_byName.Count);
            foreach (var child in _byName.Values)
            {
                if (_stopping is null || !_stopping.Contains(child))
                {
                    list.Add(child);
                }
            }

            return list;
        }
    }

    /// <summary>Marks every child as stopping, refuses new ones, and returns those that were live.</summary>
    public List<ActorCell> StopAllAndClose()
    {
        lock (_byName)
        {
            _closed = true;
            var list = new List<ActorCell>(_byName.Count);
            foreach (var child in _byName.Values)
            {
                if ((_stopping ??= []).Add(child))
                {
                    list.Add(child);
                }
            }

            return list;
        }
    }

    public RestartStatistics StatisticsFor(ActorCell child)
    {
        lock (_byName)
        {
            _statistics ??= [];
            if (!_statistics.TryGetValue(child, out var stats))
            {
                stats = new RestartStatistics();
                _statistics[child] = stats;
            }

            return stats;
        }
    }
}
