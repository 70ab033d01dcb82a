namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// Death watch. The watcher records whom it watches; the watchee records its watchers and notifies
/// each once when it dies, or at once when a watch arrives after its death. The watcher turns the
/// first notification into one queued <see cref="Terminated"/>, delivered only while the watch is
/// still in place.
/// </summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, this))
        {
            return actor;
        }

        if (actor is not IInternalActorRef target)
        {
            throw new ArgumentException($"Cannot watch {actor.Path}: it is not a ref of an ActorHeartbeat actor system.", nameof(actor));
        }

        var watching = Extras.Watching ??= new SmallSet<IActorRef>();
        if (watching.Add(actor))
        {
            target.SendSystemMessage(new Watch(this));
        }

        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (StopWatching(actor) && actor is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(this));
        }

        return actor;
    }

    /// <summary>Forgets a watched actor (and that its Terminated was queued); false when it was not watched.</summary>
    private bool StopWatching(IActorRef actor)
    {
        if (_extras?.Watching?.Remove(actor) != true)
        {
            return false;
        }

        _extras.TerminatedQueued?.Remove(actor);
        return true;
    }

    private void HandleWatch(IInternalActorRef watcher)
    {
        if (_state == StateDead)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this));
            return;
        }

        (Extras.WatchedBy ??= new SmallSet<IInternalActorRef>()).Add(watcher);
    }

    private void HandleDeathWatchNotification(IActorRef actor)
    {
        if (_state == StateDead || _extras?.Watching is not { } watching)
        {
            return;
        }

        if (watching.Contains(actor) && (Extras.TerminatedQueued ??= new SmallSet<IActorRef>()).Add(actor))
        {
            Enqueue(new Terminated(actor), actor);
        }
    }

    private void NotifyWatchers()
    {
        if (_extras is not { } extras)
        {
            return;
        }

        if (extras.WatchedBy is { } watchers)
        {
            extras.WatchedBy = null;
            foreach (var watcher in watchers.ToArray())
            {
                watcher.SendSystemMessage(new DeathWatchNotification(this));
            }
        }

        if (extras.Watching is { } watching)
        {
            extras.Watching = null;
            extras.TerminatedQueued = null;
            foreach (var watched in watching.ToArray())
            {
                (watched as IInternalActorRef)?.SendSystemMessage(new Unwatch(this));
            }
        }
    }
}
