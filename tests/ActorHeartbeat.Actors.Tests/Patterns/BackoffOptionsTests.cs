using ActorHeartbeat.Actors.Patterns;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests.Patterns;

public sealed class BackoffOptionsTests
{
    private static BackoffOptions Options(double min = 1, double max = 30, double factor = 0.2) =>
        BackoffOptions.OnFailure(Props.Create<EchoActor>(), "child", TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max), factor);

    // Each row: restart count, random sample, expected delay (s), with min 1 s, max 30 s, factor 0.2, multiplier 2.
    [Theory]
    [InlineData(0, 0.0, 1.0)]
    [InlineData(1, 0.0, 2.0)]
    [InlineData(2, 0.0, 4.0)]
    [InlineData(4, 0.0, 16.0)]
    [InlineData(5, 0.0, 30.0)]
    [InlineData(60, 0.0, 30.0)]
    [InlineData(int.MaxValue, 0.0, 30.0)]
    [InlineData(0, 0.5, 1.1)]
    [InlineData(2, 0.999, 4.7992)]
    [InlineData(4, 0.9, 18.88)]
    [InlineData(10, 0.99, 30.0)]
    public void DelayFor_GrowsByTheMultiplier_JittersUpward_AndNeverExceedsMax(int restartCount, double sample, double expectedSeconds)
    {
        var delay = Options().DelayFor(restartCount, sample);
        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 6);
    }

    [Fact]
    public void Jitter_ThatWouldPassMax_IsCappedAtMax_UnlikeAkka() =>
        Assert.Equal(TimeSpan.FromSeconds(12), Options(min: 10, max: 12, factor: 0.5).DelayFor(0, 0.9));

    [Fact]
    public void DelayFor_NeverExceedsMax_ForAnySampleAndCount()
    {
        var options = Options(min: 0.5, max: 7, factor: 3.0);
        var random = new SeededRandomSource(42);
        for (var n = 0; n < 10_000; n++)
        {
            var delay = options.DelayFor(n % 40, random.NextDouble());
            Assert.InRange(delay, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(7));
        }
    }

    [Fact]
    public void WithMultiplier_ChangesTheGrowth() =>
        Assert.Equal(TimeSpan.FromSeconds(9), Options().WithMultiplier(3).DelayFor(2, 0));

    [Fact]
    public void InvalidOptions_AreRejectedNamingTheParameter()
    {
        Assert.Contains("minBackoff", Assert.Throws<ArgumentOutOfRangeException>(() => Options(min: 0)).Message);
        Assert.Contains("maxBackoff", Assert.Throws<ArgumentOutOfRangeException>(() => Options(min: 5, max: 1)).Message);
        Assert.Contains("randomFactor", Assert.Throws<ArgumentOutOfRangeException>(() => Options(factor: -0.1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Options().WithMultiplier(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Options().WithAutoReset(TimeSpan.Zero));
        Assert.Throws<InvalidActorNameException>(() => BackoffOptions.OnStop(Props.Create<EchoActor>(), "bad name", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Options().DelayFor(0, 1.0));
    }
}
