namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// A set of actor references that keeps its first member in a field and builds a hash set only for a
/// second one: most actors are watched by exactly one other (their parent or supervisor) and watch at
/// most one (a supervisor its child). Touched only by its owner's own turns.
/// </summary>
/// <typeparam name="T">The reference type.</typeparam>
internal sealed class SmallSet<T>
    where T : class
{
    private T? _one;
    private HashSet<T>? _more;

    /// <summary>Adds <paramref name="item"/>; false when it is already in the set.</summary>
    public bool Add(T item)
    {
        if (Contains(item))
        {
            return false;
        }

        if (_one is null)
        {
            _one = item;
            return true;
        }

        return (_more ??= []).Add(item);
    }

    /// <summary>Removes <paramref name="item"/>; false when it was not in the set.</summary>
    public bool Remove(T item)
    {
        if (_one is not null && _one.Equals(item))
        {
            _one = null;
            return true;
        }

        return _more?.Remove(item) == true;
    }

    /// <summary>True when <paramref name="item"/> is in the set.</summary>
    public bool Contains(T item) =>
        (_one is not null && _one.Equals(item)) || _more?.Contains(item) == true;

    /// <summary>Every member, each once (a snapshot: the set may change while it is read).</summary>
    public T[] ToArray()
    {
        var all = new T[(_one is null ? 0 : 1) + (_more?.Count ?? 0)];
        var i = 0;
        if (_one is not null)
        {
            all[i++] = _one;
        }

        _more?.CopyTo(all, i);
        return all;
    }
}
