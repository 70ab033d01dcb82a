using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.TestKit;

namespace ActorHeartbeat.Actors.Tests.Timers;

/// <summary>Timestamp arithmetic of the timers: conversions that never shorten a wait, and rounding up onto a grid.</summary>
public sealed class TimestampsTests
{
    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(1, 100, 100)]
    [InlineData(99, 100, 100)]
    [InlineData(100, 100, 100)]
    [InlineData(101, 100, 200)]
    [InlineData(-1, 100, 0)]
    [InlineData(-100, 100, -100)]
    [InlineData(-101, 100, -100)]
    [InlineData(12_345, 1, 12_345)]
    [InlineData(12_345, 0, 12_345)]
    public void AlignUp_GivesTheEarliestGridInstantAtOrAfter(long timestamp, long grid, long expected) =>
        Assert.Equal(expected, Timestamps.AlignUp(timestamp, grid));

    [Fact]
    public void OnASlowerClock_ToTimestampRoundsDown_ToTimeSpanRoundsUp()
    {
        var threePerSecond = new CoarseClock(3);

        Assert.Equal(2, Timestamps.ToTimestamp(threePerSecond, TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1)));
        Assert.Equal(TimeSpan.FromTicks(3_333_334), Timestamps.ToTimeSpan(threePerSecond, 1));
    }

    [Fact]
    public void OnATickClock_BothConversionsAreExact()
    {
        var time = new ManualTimeProvider();

        Assert.Equal(12_345, Timestamps.ToTimestamp(time, TimeSpan.FromTicks(12_345)));
        Assert.Equal(TimeSpan.FromTicks(12_345), Timestamps.ToTimeSpan(time, 12_345));
    }

    private sealed class CoarseClock(long frequency) : TimeProvider
    {
        public override long TimestampFrequency => frequency;
    }
}
