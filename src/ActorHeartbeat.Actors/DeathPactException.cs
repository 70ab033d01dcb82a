namespace ActorHeartbeat.Actors;

/// <summary>Thrown when an actor does not handle the <see cref="Terminated"/> of an actor it watches; the default strategy stops it.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public DeathPactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DeathPactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
