namespace ActorHeartbeat.Hocon.Tests.Support;

/// <summary>A small deterministic pseudo-random generator (SplitMix64) for reproducible fuzzing.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => bound <= 0 ? 0 : (int)(NextUInt64() % (ulong)bound);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
