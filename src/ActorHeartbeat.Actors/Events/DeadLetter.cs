namespace ActorHeartbeat.Actors.Events;

/// <summary>
/// Published on the event stream for every message that could not be delivered because its
/// recipient had stopped (or was the dead-letters ref itself).
/// </summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender, when there was one.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
