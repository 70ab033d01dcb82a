using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Tests.Support;

/// <summary>Always the same sample: 0 puts the first heartbeat tick right at connect (the phase is otherwise random).</summary>
internal sealed class FixedRandom(double sample) : IRandomSource
{
    public double NextDouble() => sample;
}
