namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// The actors one actor watches, each with whether its <see cref="Terminated"/> is already queued.
/// Most actors watch at most one other (a supervisor its child), so the first lives in fields and a
/// dictionary is built only for a second one. Touched only by the watching actor's own turns.
/// </summary>
internal sealed class WatchedSet
{
    private IActorRef? _one;
    private bool _oneQueued;
    private Dictionary<IActorRef, bool>? _more;

    /// <summary>Adds <paramref name="actor"/> (not yet terminated); false when it is already watched.</summary>
    public bool TryAdd(IActorRef actor)
    {
        if (Contains(actor))
        {
            return false;
        }

        if (_one is null)
        {
            _one = actor;
            _oneQueued = false;
            return true;
        }

        return (_more ??= []).TryAdd(actor, false);
    }

    /// <summary>Stops watching <paramref name="actor"/>; false when it was not watched.</summary>
    public bool Remove(IActorRef actor)
    {
        if (_one is not null && _one.Equals(actor))
        {
            _one = null;
            return true;
        }

        return _more?.Remove(actor) == true;
    }

    /// <summary>
    /// Marks the <see cref="Terminated"/> of <paramref name="actor"/> as queued; true only the first time
    /// and only while it is watched (the caller then queues it).
    /// </summary>
    public bool TryMarkTerminatedQueued(IActorRef actor)
    {
        if (_one is not null && _one.Equals(actor))
        {
            if (_oneQueued)
            {
                return false;
            }

            _oneQueued = true;
            return true;
        }

        if (_more is not null && _more.TryGetValue(actor, out var queued) && !queued)
        {
            _more[actor] = true;
            return true;
        }

        return false;
    }

    /// <summary>Every watched actor (a snapshot).</summary>
    public IActorRef[] ToArray()
    {
        var count = (_one is null ? 0 : 1) + (_more?.Count ?? 0);
        var all = new IActorRef[count];
        var i = 0;
        if (_one is not null)
        {
            all[i++] = _one;
        }

        if (_more is not null)
        {
            _more.Keys.CopyTo(all, i);
        }

        return all;
    }

    private bool Contains(IActorRef actor) =>
        (_one is not null && _one.Equals(actor)) || _more?.ContainsKey(actor) == true;
}
