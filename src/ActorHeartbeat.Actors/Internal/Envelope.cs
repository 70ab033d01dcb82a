namespace ActorHeartbeat.Actors.Internal;

/// <summary>An ordinary message with its sender; also the mailbox's queue node.</summary>
internal sealed class Envelope(object message, IActorRef? sender) : MailboxNode
{
    public readonly object Message = message;
    public readonly IActorRef? Sender = sender;
}
