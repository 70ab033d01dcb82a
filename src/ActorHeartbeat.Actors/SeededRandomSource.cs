namespace ActorHeartbeat.Actors;

/// <summary>
/// A deterministic random source (SplitMix64): the same seed gives the same samples on every
/// platform and run. Thread-safe.
/// </summary>
public sealed class SeededRandomSource : IRandomSource
{
    private ulong _state;

    /// <summary>Creates the source from <paramref name="seed"/>.</summary>
    public SeededRandomSource(ulong seed) => _state = seed;

    /// <inheritdoc />
    public double NextDouble()
    {
        var z = Interlocked.Add(ref _state, 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
