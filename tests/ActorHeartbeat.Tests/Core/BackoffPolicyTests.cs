using ActorHeartbeat.Actors;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Tests.Core;

public sealed class BackoffPolicyTests
{
    private static BackoffPolicy Policy(JitterMode jitter = JitterMode.RandomFactor, double factor = 0.2, int? maxRetries = null) =>
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2.0, factor, jitter, TimeSpan.FromSeconds(30), maxRetries);

    // failures in a row, sample, expected seconds (min 1 s, max 30 s, ×2, random factor 0.2)
    [Theory]
    [InlineData(1, 0.0, 1.0)]
    [InlineData(2, 0.0, 2.0)]
    [InlineData(3, 0.0, 4.0)]
    [InlineData(5, 0.0, 16.0)]
    [InlineData(6, 0.0, 30.0)]
    [InlineData(1000, 0.0, 30.0)]
    [InlineData(1, 0.5, 1.1)]
    [InlineData(5, 0.75, 18.4)]
    [InlineData(6, 0.999, 30.0)]
    public void RandomFactorJitter_GrowsCapsAndStretchesUpward(int failures, double sample, double expected) =>
        Assert.Equal(expected, Policy().DelayAfter(failures, sample).TotalSeconds, precision: 6);

    // failures in a row, sample, expected seconds: uniform in [0, d], at least 1 ms
    [Theory]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(3, 0.25, 1.0)]
    [InlineData(10, 0.5, 15.0)]
    [InlineData(1, 0.0, 0.001)]
    [InlineData(1, 0.0000001, 0.001)]
    public void FullJitter_IsUniformBelowTheDelay_ButNeverUnderOneMillisecond(int failures, double sample, double expected) =>
        Assert.Equal(expected, Policy(JitterMode.Full).DelayAfter(failures, sample).TotalSeconds, precision: 6);

    [Theory]
    [InlineData(JitterMode.RandomFactor)]
    [InlineData(JitterMode.Full)]
    public void Delays_StayWithinBounds_ForManySamples(JitterMode jitter)
    {
        var policy = new BackoffPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), 1.7, 2.5, jitter, TimeSpan.Zero, null);
        var random = new SeededRandomSource(7);
        for (var i = 0; i < 20_000; i++)
        {
            var delay = policy.DelayAfter(1 + (i % 50), random.NextDouble());
            Assert.InRange(delay, jitter == JitterMode.Full ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        }
    }

    // max retries, failures in a row, given up?
    [Theory]
    [InlineData(null, 1_000_000, false)]
    [InlineData(0, 1, true)]
    [InlineData(3, 3, false)]
    [InlineData(3, 4, true)]
    public void HasGivenUp_AfterMaxRetriesReconnectsFailedToo(int? maxRetries, int failures, bool expected) =>
        Assert.Equal(expected, Policy(maxRetries: maxRetries).HasGivenUp(failures));

    [Theory]
    [InlineData(29.999, false)]
    [InlineData(30, true)]
    public void IsStable_OnlyAfterResetAfter(double upSeconds, bool expected) =>
        Assert.Equal(expected, Policy().IsStable(TimeSpan.FromSeconds(upSeconds)));

    [Fact]
    public void InvalidValues_AreRejectedNamingTheKey()
    {
        Assert.Contains("backoff.min", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BackoffPolicy(TimeSpan.Zero, TimeSpan.FromSeconds(1), 2, 0, JitterMode.Full, TimeSpan.Zero, null)).Message);
        Assert.Contains("backoff.max", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BackoffPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 2, 0, JitterMode.Full, TimeSpan.Zero, null)).Message);
        Assert.Contains("backoff.multiplier", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0.5, 0, JitterMode.Full, TimeSpan.Zero, null)).Message);
        Assert.Contains("backoff.random-factor", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2, double.NaN, JitterMode.Full, TimeSpan.Zero, null)).Message);
        Assert.Contains("backoff.max-retries", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2, 0, JitterMode.Full, TimeSpan.Zero, -1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy().DelayAfter(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy().DelayAfter(1, 1.0));
    }
}
