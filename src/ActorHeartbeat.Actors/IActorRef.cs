namespace ActorHeartbeat.Actors;

/// <summary>
/// A handle to an actor: the only way to talk to it. Refs are cheap, thread-safe and compare equal
/// only when they denote the same actor incarnation (a new actor created under a reused name is a
/// different ref).
/// </summary>
public interface IActorRef
{
    /// <summary>The actor's location in the hierarchy, e.g. <c>ahb://app/user/feeds/feed-a</c>.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Enqueues <paramref name="message"/> for the actor and returns at once. Messages from one sender
    /// to one receiver arrive in the order they were sent. A message to a stopped actor goes to the
    /// system's dead letters (published and counted), never silently lost.
    /// </summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">The ref the receiver sees as <c>Sender</c>; null for none (the receiver then sees dead letters).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="message"/> is null.</exception>
    /// <exception cref="InvalidOperationException">When the actor system has terminated.</exception>
    void Tell(object message, IActorRef? sender = null);
}
