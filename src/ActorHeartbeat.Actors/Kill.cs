namespace ActorHeartbeat.Actors;

/// <summary>
/// A message that makes the receiving actor fail with <see cref="ActorKilledException"/> when it is
/// processed; its supervisor then decides (the default strategy stops it).
/// </summary>
public sealed class Kill : Internal.IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}
