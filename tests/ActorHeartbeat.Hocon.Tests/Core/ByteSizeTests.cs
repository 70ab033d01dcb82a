using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512", 512L)]
    [InlineData("\"512\"", 512L)]
    [InlineData("1B", 1L)]
    [InlineData("1b", 1L)]
    [InlineData("3 bytes", 3L)]
    [InlineData("1 byte", 1L)]
    [InlineData("1kB", 1_000L)]
    [InlineData("1 kilobyte", 1_000L)]
    [InlineData("2 kilobytes", 2_000L)]
    [InlineData("1K", 1_024L)]
    [InlineData("1k", 1_024L)]
    [InlineData("1Ki", 1_024L)]
    [InlineData("1KiB", 1_024L)]
    [InlineData("1 kibibyte", 1_024L)]
    [InlineData("1MB", 1_000_000L)]
    [InlineData("1 megabytes", 1_000_000L)]
    [InlineData("1M", 1_048_576L)]
    [InlineData("1m", 1_048_576L)]
    [InlineData("1 MiB", 1_048_576L)]
    [InlineData("1 mebibytes", 1_048_576L)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("1G", 1_073_741_824L)]
    [InlineData("1GiB", 1_073_741_824L)]
    [InlineData("1 gibibyte", 1_073_741_824L)]
    [InlineData("1TB", 1_000_000_000_000L)]
    [InlineData("1TiB", 1_099_511_627_776L)]
    [InlineData("1PB", 1_000_000_000_000_000L)]
    [InlineData("1EB", 1_000_000_000_000_000_000L)]
    [InlineData("1E", 1_152_921_504_606_846_976L)]
    [InlineData("1.5K", 1_536L)]
    [InlineData("0.5 MiB", 524_288L)]
    [InlineData("1e3K", 1_024_000L)]
    [InlineData("\" 5 k \"", 5_120L)]
    [InlineData("-1K", -1_024L)]
    public void GetBytes_ReadsNumbersAsBytesAndUnits(string value, long expected) =>
        Assert.Equal(expected, TestHocon.Parse($"s = {value}").GetBytes("s"));

    [Theory]
    [InlineData("1KB", "'KB' is ambiguous: write kB for 1000 bytes or KiB (or K) for 1024 bytes")]
    [InlineData("1mB", "unknown size unit 'mB'")]
    [InlineData("1 mega", "unknown size unit 'mega'")]
    [InlineData("8E", "out of range")]
    [InlineData("1Z", "out of range")]
    [InlineData("1ZiB", "out of range")]
    [InlineData("1.5", "not a whole number of bytes")]
    [InlineData("0.1K", "not a whole number of bytes")]
    [InlineData("MiB", "it has no number")]
    [InlineData("lots", "it has no number")]
    [InlineData("null", "is null, expected a size in bytes")]
    public void GetBytes_RejectsWhatIsNotASize(string value, string fragment)
    {
        var error = Assert.Throws<HoconException>(() => TestHocon.Parse($"s = {value}").GetBytes("s"));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.conf:1:5: s: ", error.Message, StringComparison.Ordinal);
    }
}
