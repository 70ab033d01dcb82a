namespace ActorHeartbeat.Actors;

/// <summary>
/// Wraps an exception thrown by an actor's constructor, <c>PreStart</c> or <c>PostRestart</c>.
/// The default supervisor strategy stops an actor that fails to initialise, instead of restarting it
/// forever.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception for the actor at <paramref name="actor"/>.</summary>
    public ActorInitializationException(ActorPath? actor, string message, Exception? innerException)
        : base(message, innerException)
    {
        Actor = actor;
    }

    /// <summary>The path of the actor that failed to initialise.</summary>
    public ActorPath? Actor { get; }
}
