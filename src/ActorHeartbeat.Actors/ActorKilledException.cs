namespace ActorHeartbeat.Actors;

/// <summary>Thrown inside an actor that received <see cref="Kill"/>; the default strategy stops such an actor.</summary>
public sealed class ActorKilledException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ActorKilledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ActorKilledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
