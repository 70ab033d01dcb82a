namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// The actors that watch one actor. Most actors are watched by exactly one other (their parent or
/// supervisor), so the first watcher lives in a field and a hash set is built only for a second one.
/// Touched only by the watched actor's own turns.
/// </summary>
internal sealed class WatcherSet
{
    private IInternalActorRef? _one;
    private HashSet<IInternalActorRef>? _more;

    /// <summary>Adds <paramref name="watcher"/>; false when it is already in the set.</summary>
    public bool Add(IInternalActorRef watcher)
    {
        if (Contains(watcher))
        {
            return false;
        }

        if (_one is null)
        {
            _one = watcher;
            return true;
        }

        return (_more ??= []).Add(watcher);
    }

    /// <summary>Removes <paramref name="watcher"/>; false when it was not in the set.</summary>
    public bool Remove(IInternalActorRef watcher)
    {
        if (_one is not null && _one.Equals(watcher))
        {
            _one = null;
            return true;
        }

        return _more?.Remove(watcher) == true;
    }

    /// <summary>Every watcher, each once (a snapshot: the set may change while it is read).</summary>
    public IInternalActorRef[] ToArray()
    {
        var count = (_one is null ? 0 : 1) + (_more?.Count ?? 0);
        var all = new IInternalActorRef[count];
        var i = 0;
        if (_one is not null)
        {
            all[i++] = _one;
        }

        if (_more is not null)
        {
            _more.CopyTo(all, i);
        }

        return all;
    }

    private bool Contains(IInternalActorRef watcher) =>
        (_one is not null && _one.Equals(watcher)) || _more?.Contains(watcher) == true;
}
