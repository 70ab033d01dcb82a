using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Hosting.Tests.Support;

/// <summary>Always the same sample, so jitter and heartbeat phases are fixed.</summary>
internal sealed class FixedRandom(double sample) : IRandomSource
{
    public double NextDouble() => sample;
}
