using ActorHeartbeat.Core;

namespace ActorHeartbeat.Tests.Core;

public sealed class RoundTripWindowTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Empty_HasNoStatistics()
    {
        Assert.Null(new RoundTripWindow(4).Statistics());
    }

    // capacity, samples added (1..n ms), expected count, min, mean, p50, p99 (ms)
    [Theory]
    [InlineData(128, 5, 5, 1, 3, 3, 5)]
    [InlineData(128, 8, 8, 1, 4.5, 4, 8)]
    [InlineData(128, 9, 9, 1, 5, 5, 9)]
    [InlineData(128, 100, 100, 1, 50.5, 50, 99)]
    [InlineData(128, 300, 128, 173, 236.5, 236, 299)]
    [InlineData(3, 10, 3, 8, 9, 9, 10)]
    [InlineData(1, 4, 1, 4, 4, 4, 4)]
    [InlineData(12, 30, 12, 19, 24.5, 24, 30)]
    public void Window_KeepsTheMostRecentSamples_AsItGrowsAndWraps(int capacity, int added, int count, double min, double mean, double p50, double p99)
    {
        var window = new RoundTripWindow(capacity);
        for (var i = 1; i <= added; i++)
        {
            window.Add(Ms(i));
        }

        var stats = window.Statistics()!;

        Assert.Equal(
            (count, Ms(added), Ms(min), Ms(mean), Ms(p50), Ms(p99)),
            (stats.Count, stats.Last, stats.Min, stats.Mean, stats.P50, stats.P99));
    }

    [Fact]
    public void Samples_AreKeptToTheMicrosecond_TheLastExactly()
    {
        var window = new RoundTripWindow(4);
        var odd = TimeSpan.FromTicks(12_345_678);

        window.Add(odd);

        var stats = window.Statistics()!;
        Assert.Equal(odd, stats.Last);
        Assert.Equal(TimeSpan.FromTicks(12_345_670), stats.Min);
    }

    [Fact]
    public void OutOfRangeSamples_AreClampedNotWrapped()
    {
        var window = new RoundTripWindow(4);

        window.Add(TimeSpan.FromHours(2));
        window.Add(TimeSpan.FromTicks(-5));

        var stats = window.Statistics()!;
        Assert.Equal(TimeSpan.Zero, stats.Min);
        Assert.Equal(TimeSpan.FromTicks((long)int.MaxValue * TimeSpan.TicksPerMicrosecond), stats.P99);
    }

    [Fact]
    public void ZeroCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoundTripWindow(0));
    }
}
