namespace ActorHeartbeat.Actors;

/// <summary>
/// The real random source (thread-safe, shared). This is the one place in the code base that reads
/// the platform's random generator.
/// </summary>
public sealed class SystemRandomSource : IRandomSource
{
    private SystemRandomSource()
    {
    }

    /// <summary>The single instance.</summary>
    public static SystemRandomSource Instance { get; } = new();

    /// <inheritdoc />
#pragma warning disable RS0030 // The real-time adapter is the one place allowed to use System.Random.
    public double NextDouble() => Random.Shared.NextDouble();
#pragma warning restore RS0030
}
