using ActorHeartbeat.Actors.Supervision;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>Children: creation, stopping, and supervising their failures.</summary>
internal sealed partial class ActorCell
{
    public IReadOnlyCollection<IActorRef> Children =>
        _children is { } children ? children.LiveChildren() : [];

    public IActorRef? Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _children?.GetLive(name);
    }

    public IActorRef ActorOf(Props props, string? name = null) => SpawnChild(props, name, allowReservedName: false);

    internal ActorCell SpawnChild(Props props, string? name, bool allowReservedName)
    {
        ArgumentNullException.ThrowIfNull(props);
        _system.EnsureRunning();
        var children = _children ?? EnsureChildren();
        if (name is null)
        {
            name = children.NextGeneratedName();
        }
        else
        {
            ActorPath.ValidateName(name, allowReservedName);
        }

        var child = new ActorCell(_system, props, this, name);
        children.Reserve(name, child);
        child.ScheduleIfIdle();
        return child;
    }

    private ChildrenContainer EnsureChildren()
    {
        // Guardians accept ActorOf from any thread, so the container is published atomically.
        Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
        return _children!;
    }

    public void Stop(IActorRef actor) => StopAny(actor);

    /// <summary>Stops any actor of the system (a cell through its parent's bookkeeping); safe from any thread.</summary>
    internal static void StopAny(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is ActorCell cell)
        {
            cell.RequestStop();
        }
        else if (actor is IInternalActorRef other)
        {
            other.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>Stops this actor; safe from any thread.</summary>
    internal void RequestStop()
    {
        _parent?._children?.MarkStopping(this);
        SendSystemMessage(new Terminate());
    }

    private void HandleChildFailed(Failed failed)
    {
        if (_state is StateTerminating or StateDead || _children is not { } children || !children.IsLive(failed.Child))
        {
            return;
        }

        SupervisorStrategy strategy;
        Directive directive;
        try
        {
            strategy = _props.SupervisorStrategy ?? _actor?.ResolveSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
            directive = strategy.Decide(failed.Cause);
        }
        catch (Exception e)
        {
            HandleFailure(e, null, "supervisor-strategy");
            return;
        }

        switch (directive)
        {
            case Directive.Resume:
                failed.Child.SendSystemMessage(new Resume());
                break;
            case Directive.Restart when strategy.RequestRestartPermission(children.StatisticsFor(failed.Child), _system.Elapsed):
                failed.Child.SendSystemMessage(new Recreate(failed.Cause));
                break;
            case Directive.Restart:
            case Directive.Stop:
                failed.Child.RequestStop();
                break;
            case Directive.Escalate:
                HandleFailure(failed.Cause, null, "escalate");
                break;
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        if (_children is not { } children)
        {
            return;
        }

        children.Remove(child);
        if (_state == StateTerminating && children.Count == 0)
        {
            FinishTerminate();
        }
        else if (_state == StateRestarting && !children.HasStopping)
        {
            FinishRecreate(_extras!.PendingRestartCause!);
        }
    }
}
