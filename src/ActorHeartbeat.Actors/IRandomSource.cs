namespace ActorHeartbeat.Actors;

/// <summary>
/// Where decisions that need randomness (jitter, random phases) get their samples, so that they stay
/// pure and tests can fix the samples.
/// </summary>
public interface IRandomSource
{
    /// <summary>A sample uniformly distributed in [0, 1).</summary>
    double NextDouble();
}
