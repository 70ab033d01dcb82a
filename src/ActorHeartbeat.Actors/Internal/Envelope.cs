namespace ActorHeartbeat.Actors.Internal;

/// <summary>An ordinary message with its sender, stored by value in the mailbox's queue.</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public readonly object Message = message;
    public readonly IActorRef? Sender = sender;
}
