using ActorHeartbeat.Cli.Demo;

namespace ActorHeartbeat.Cli.Tests.Demo;

public sealed class DemoTimingsTests
{
    [Theory]
    [InlineData((int)DemoProfile.Json, 1, 1, 2.0)]
    [InlineData((int)DemoProfile.Json, 2, 1, 3.0)]
    [InlineData((int)DemoProfile.Keepalive, 1, 1, 2.5)]   // plus half of min(interval, timeout): .NET's keepalive tick
    [InlineData((int)DemoProfile.Keepalive, 4, 2, 7.0)]
    [InlineData((int)DemoProfile.Keepalive, 2, 4, 7.0)]
    [InlineData((int)DemoProfile.Respond, 1, 1, 2.5)]      // the idle timeout
    public void Bound_IsWhatTheProfilePromises(int profile, double interval, double timeout, double bound)
    {
        var timings = new DemoTimings { Interval = TimeSpan.FromSeconds(interval), Timeout = TimeSpan.FromSeconds(timeout) };
        Assert.Equal(TimeSpan.FromSeconds(bound), timings.Bound((DemoProfile)profile));
    }

    [Fact]
    public void MinimumDuration_FitsWarmupAndTail() =>
        Assert.Equal(TimeSpan.FromSeconds(10), new DemoTimings().MinimumDuration);
}
