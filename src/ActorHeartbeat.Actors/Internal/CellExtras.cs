using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// The parts of an actor's state that most actors never use, allocated on first use so an idle
/// actor stays small. Touched only by the actor's own turns.
/// </summary>
internal sealed class CellExtras
{
    /// <summary>Actors this one watches.</summary>
    public SmallSet<IActorRef>? Watching;

    /// <summary>The watched actors whose Terminated is already queued (a subset of <see cref="Watching"/>).</summary>
    public SmallSet<IActorRef>? TerminatedQueued;

    /// <summary>Actors that watch this one.</summary>
    public SmallSet<IInternalActorRef>? WatchedBy;

    public TimerScheduler? Timers;

    /// <summary>Behaviours set through <see cref="IActorContext.Become"/>; the top is current.</summary>
    public Stack<Receive>? Behaviors;

    /// <summary>The message being processed when the actor failed (handed to PreRestart).</summary>
    public object? FailedMessage;

    /// <summary>The cause of a restart that waits for stopping children.</summary>
    public Exception? PendingRestartCause;
}
