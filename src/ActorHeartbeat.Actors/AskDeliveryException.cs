namespace ActorHeartbeat.Actors;

/// <summary>Thrown by Ask when the question could not be delivered: the target is stopped, so the message went to dead letters.</summary>
public sealed class AskDeliveryException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public AskDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public AskDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
