namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// A supervision or death-watch message. Each instance is its own queue node, so it must be sent
/// once only.
/// </summary>
internal abstract class SystemMessage : MailboxNode;

/// <summary>Child → parent: the child failed and is suspended until the parent's directive.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>Parent → child: continue with the same instance.</summary>
internal sealed class Resume : SystemMessage;

/// <summary>Parent → child: restart with a new instance.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop the receiving actor.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Watcher → watchee: notify the watcher when the watchee stops.</summary>
internal sealed class Watch(IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Watcher → watchee: forget the watcher.</summary>
internal sealed class Unwatch(IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Watchee → watcher: the watchee has stopped.</summary>
internal sealed class DeathWatchNotification(IActorRef actor) : SystemMessage
{
    public IActorRef Actor { get; } = actor;
}

/// <summary>Child → parent: the child has stopped; its name is free again.</summary>
internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}
