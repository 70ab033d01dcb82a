namespace ActorHeartbeat.Actors;

/// <summary>
/// Delivered exactly once to an actor that watches <see cref="ActorRef"/> (see
/// <see cref="IActorContext.Watch"/>) when that actor has stopped — also when it was already dead at
/// the time of the watch. Not delivered after <see cref="IActorContext.Unwatch"/>. An actor that does
/// not handle it fails with <see cref="DeathPactException"/>.
/// </summary>
public sealed record Terminated : Internal.IAutoReceivedMessage
{
    internal Terminated(IActorRef actorRef) => ActorRef = actorRef;

    /// <summary>The actor that stopped.</summary>
    public IActorRef ActorRef { get; }
}
