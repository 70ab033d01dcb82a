using ActorHeartbeat.Actors.Events;
using ActorHeartbeat.Actors.Internal;
using ActorHeartbeat.Actors.Supervision;

namespace ActorHeartbeat.Actors;

/// <summary>
/// The base of every actor. An actor processes one message at a time, in the order each sender sent
/// them; its state needs no locks. Instances are created by <see cref="Props"/> through
/// <c>ActorOf</c>, never with <c>new</c> directly.
/// </summary>
/// <remarks>
/// Lifecycle, as in Akka.NET: the constructor, then <see cref="PreStart"/>; on a failure that the
/// supervisor answers with restart: <see cref="PreRestart"/> on the failed instance (by default: stop
/// all children, then <see cref="PostStop"/>), a new instance from the same Props, then
/// <see cref="PostRestart"/> (by default: <see cref="PreStart"/>); on stop: children are stopped and
/// have terminated, then <see cref="PostStop"/>.
/// </remarks>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private SupervisorStrategy? _supervisorStrategy;

    /// <summary>Binds the new instance to the actor cell that is creating it.</summary>
    /// <exception cref="InvalidOperationException">When constructed with <c>new</c> outside of <c>ActorOf</c>.</exception>
    protected ActorBase() => _cell = ActorCell.ClaimForConstruction(GetType());

    /// <summary>This actor's context: self, sender, parent, children, watch, become.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's own ref.</summary>
    protected IActorRef Self => _cell;

    /// <summary>The sender of the message being processed; dead letters when it had none.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles <paramref name="message"/>; returns false when this behaviour does not handle it.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Called after the constructor of the first incarnation, before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called once when the actor has stopped, after all its children have stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before a restart. The default stops every child and calls
    /// <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The exception that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, or null.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the new instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// The strategy for this actor's children, asked once per incarnation. The default is
    /// <see cref="Supervision.SupervisorStrategy.DefaultStrategy"/>.
    /// </summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Supervision.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for a message no behaviour handled. The default publishes <see cref="UnhandledMessage"/>
    /// on the event stream; for an unhandled <see cref="Terminated"/> it throws
    /// <see cref="DeathPactException"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"{Self.Path} did not handle Terminated of the actor it watches, {terminated.ActorRef.Path}.");
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, Self));
    }

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy ResolveSupervisorStrategy() => _supervisorStrategy ??= SupervisorStrategy();

    /// <summary>Called by the cell once the constructor has returned.</summary>
    internal virtual void AfterConstruction()
    {
    }
}
