namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>The message of ping-pong and fan-out: one shared instance, so no measurement pays for allocating messages.</summary>
internal sealed class Ball
{
    public static Ball Instance { get; } = new();
}
