namespace ActorHeartbeat.Actors;

/// <summary>Convenience operations on <see cref="IActorRef"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="target"/> keeping the sender of the message
    /// the calling actor is processing, so the target replies to the original sender.
    /// Must be called from inside an actor's message handler.
    /// </summary>
    /// <exception cref="InvalidOperationException">When called outside an actor's message handler.</exception>
    public static void Forward(this IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        var cell = Internal.ActorCell.Current
            ?? throw new InvalidOperationException("Forward must be called from inside an actor's message handler.");
        target.Tell(message, cell.CurrentSender);
    }
}
