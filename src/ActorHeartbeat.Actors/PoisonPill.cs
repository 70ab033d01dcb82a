namespace ActorHeartbeat.Actors;

/// <summary>
/// An ordinary message that stops the receiving actor when it is processed: messages sent before it
/// are handled first, messages after it go to dead letters.
/// </summary>
public sealed class PoisonPill : Internal.IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
