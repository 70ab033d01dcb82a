namespace ActorHeartbeat.Core;

/// <summary>
/// The most recent round trips of one connection, up to a capacity, as whole microseconds (4 bytes a
/// sample; a round trip beyond int.MaxValue µs, 35 minutes, is kept as that). The buffer starts small
/// and doubles as samples come, so a connection holds only what it has measured; once full, each new
/// sample replaces the oldest.
/// </summary>
internal sealed class RoundTripWindow
{
    private const int InitialSize = 8;
    private readonly int _capacity;
    private int[] _micros;
    private int _count;
    private int _next;
    private TimeSpan _last;

    public RoundTripWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _micros = new int[Math.Min(capacity, InitialSize)];
    }

    /// <summary>The latest sample, exactly as added; null while empty.</summary>
    public TimeSpan? Last => _count == 0 ? null : _last;

    /// <summary>Samples held (at most the capacity).</summary>
    public int Count => _count;

    /// <summary>Adds a sample; a negative one counts as zero.</summary>
    public void Add(TimeSpan roundTrip)
    {
        _last = roundTrip;
        if (_count == _micros.Length && _count < _capacity)
        {
            // Not wrapped yet while growing: the samples are in order from index 0 and the next goes after them.
            Array.Resize(ref _micros, Math.Min(_capacity, _micros.Length * 2));
            _next = _count;
        }

        var micros = roundTrip.Ticks / TimeSpan.TicksPerMicrosecond;
        _micros[_next] = (int)Math.Clamp(micros, 0, int.MaxValue);
        _next = _next + 1 == _micros.Length ? 0 : _next + 1;
        _count = _count == _micros.Length ? _count : _count + 1;
    }

    /// <summary>Last, min, mean, median and 99th percentile (nearest rank) of the window; null while empty.</summary>
    public RoundTripStatistics? Statistics()
    {
        if (_count == 0)
        {
            return null;
        }

        var sorted = _micros.AsSpan(0, _count).ToArray();
        Array.Sort(sorted);
        long total = 0;
        foreach (var s in sorted)
        {
            total += s;
        }

        return new RoundTripStatistics(
            _count,
            _last,
            Micros(sorted[0]),
            Micros(total / _count),
            Micros(NearestRank(sorted, 0.50)),
            Micros(NearestRank(sorted, 0.99)));
    }

    private static TimeSpan Micros(long micros) => TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond);

    private static int NearestRank(int[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
