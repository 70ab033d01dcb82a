using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class DurationTests
{
    private const long TicksPerMicrosecond = 10;
    private const long TicksPerMillisecond = 10_000;
    private const long TicksPerSecond = 10_000_000;

    [Theory]
    [InlineData("100", 100 * TicksPerMillisecond)]
    [InlineData("1.5", 1_500 * TicksPerMicrosecond)]
    [InlineData("\"250\"", 250 * TicksPerMillisecond)]
    [InlineData("500ns", 5)]
    [InlineData("1 nanosecond", 0)]
    [InlineData("300 nanos", 3)]
    [InlineData("7us", 7 * TicksPerMicrosecond)]
    [InlineData("7 micros", 7 * TicksPerMicrosecond)]
    [InlineData("7 microseconds", 7 * TicksPerMicrosecond)]
    [InlineData("20ms", 20 * TicksPerMillisecond)]
    [InlineData("20 milli", 20 * TicksPerMillisecond)]
    [InlineData("20 millis", 20 * TicksPerMillisecond)]
    [InlineData("20 milliseconds", 20 * TicksPerMillisecond)]
    [InlineData("10s", 10 * TicksPerSecond)]
    [InlineData("10 second", 10 * TicksPerSecond)]
    [InlineData("10 seconds", 10 * TicksPerSecond)]
    [InlineData("1.5s", 15 * TicksPerSecond / 10)]
    [InlineData("2m", 120 * TicksPerSecond)]
    [InlineData("2 minutes", 120 * TicksPerSecond)]
    [InlineData("3h", 3 * 3600 * TicksPerSecond)]
    [InlineData("3 hours", 3 * 3600 * TicksPerSecond)]
    [InlineData("1d", 86400 * TicksPerSecond)]
    [InlineData("2 days", 2 * 86400 * TicksPerSecond)]
    [InlineData("1e3ms", TicksPerSecond)]
    [InlineData("-1s", -TicksPerSecond)]
    [InlineData("\"  2 h  \"", 2 * 3600 * TicksPerSecond)]
    public void GetDuration_ReadsNumbersAsMillisecondsAndUnits(string value, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), TestHocon.Parse($"d = {value}").GetDuration("d"));

    [Theory]
    [InlineData("10 parsecs", "unknown time unit 'parsecs'")]
    [InlineData("1S", "unknown time unit 'S'")]
    [InlineData("5 sec", "unknown time unit 'sec'")]
    [InlineData("1w", "unknown time unit 'w'")]
    [InlineData("seconds", "it has no number")]
    [InlineData("1.2.3s", "'1.2.3' is not a number")]
    [InlineData("100000000d", "out of range")]
    [InlineData("true", "'true' is not a duration")]
    [InlineData("off", "this setting cannot be turned off")]
    [InlineData("null", "is null, expected a duration")]
    [InlineData("[1s]", "is an array, expected a duration")]
    public void GetDuration_RejectsWhatIsNotADuration(string value, string fragment)
    {
        var error = Assert.Throws<HoconException>(() => TestHocon.Parse($"d = {value}").GetDuration("d"));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.conf:1:5: d: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("infinite")]
    [InlineData("none")]
    [InlineData("\"off\"")]
    public void GetDurationOrOff_TurnsOffInfiniteAndNoneIntoNull(string value) =>
        Assert.Null(TestHocon.Parse($"d = {value}").GetDurationOrOff("d"));

    [Fact]
    public void GetDurationOrOff_ReadsOrdinaryDurations()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), TestHocon.Parse("d = 20s").GetDurationOrOff("d"));
        Assert.Contains("is not a duration or off/infinite/none", Assert.Throws<HoconException>(() => TestHocon.Parse("d = never").GetDurationOrOff("d")).Message, StringComparison.Ordinal);
    }
}
