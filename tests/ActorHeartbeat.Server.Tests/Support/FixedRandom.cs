using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Server.Tests.Support;

/// <summary>Always the same sample: the first ping's phase is fixed.</summary>
internal sealed class FixedRandom(double sample) : IRandomSource
{
    public double NextDouble() => sample;
}
