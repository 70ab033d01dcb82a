namespace ActorHeartbeat.Actors;

/// <summary>
/// What an actor can see and do about itself. Only valid on the actor's own thread of execution
/// (inside its constructor, message handlers and lifecycle hooks); never capture it in a callback that
/// runs elsewhere — send a message to <see cref="Self"/> instead.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; dead letters when it had none.</summary>
    IActorRef Sender { get; }

    /// <summary>This actor's supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The live children (children being stopped are not included).</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The child named <paramref name="name"/>, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>
    /// Creates a child. The call returns at once; the child's constructor and PreStart run on the child's
    /// own turn, and a failure there goes to this actor's supervisor strategy.
    /// </summary>
    /// <param name="props">How to create the child.</param>
    /// <param name="name">A unique name among the live children; null to generate one.</param>
    /// <exception cref="InvalidActorNameException">When the name is invalid or taken by a sibling that has not fully stopped.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>
    /// Stops <paramref name="actor"/> (this actor or one of its children). A message being processed is
    /// finished first; later messages go to dead letters; children stop before the actor's PostStop.
    /// </summary>
    void Stop(IActorRef actor);

    /// <summary>
    /// Watches <paramref name="actor"/>: when it stops, this actor receives <see cref="Terminated"/>
    /// exactly once, also when it was already dead. Returns <paramref name="actor"/>.
    /// </summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Stops watching <paramref name="actor"/>; a <see cref="Terminated"/> not yet processed is discarded.</summary>
    IActorRef Unwatch(IActorRef actor);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/> (no stack).</summary>
    void Become(Receive receive);

    /// <summary>Pushes <paramref name="receive"/> as the current behaviour; <see cref="UnbecomeStacked"/> pops it.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Returns to the behaviour below the current one (the actor's initial behaviour at the bottom).</summary>
    void UnbecomeStacked();
}
