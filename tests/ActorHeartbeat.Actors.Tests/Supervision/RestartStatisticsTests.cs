using ActorHeartbeat.Actors.Supervision;

namespace ActorHeartbeat.Actors.Tests.Supervision;

public sealed class RestartStatisticsTests
{
    // Each row: max retries, window (s, 0 = none), restart times (s), expected permissions.
    [Theory]
    [InlineData(-1, 0, new[] { 0, 1, 2, 3 }, new[] { true, true, true, true })]
    [InlineData(0, 0, new[] { 0 }, new[] { false })]
    [InlineData(2, 0, new[] { 0, 100, 200 }, new[] { true, true, false })]
    [InlineData(2, 10, new[] { 0, 1, 2 }, new[] { true, true, false })]
    [InlineData(2, 10, new[] { 0, 1, 11, 12, 13 }, new[] { true, true, true, true, false })]
    [InlineData(1, 10, new[] { 0, 10, 21 }, new[] { true, false, true })]
    [InlineData(-1, 10, new[] { 0, 5, 11 }, new[] { true, false, true })]
    public void RequestRestartPermission_FollowsAkkasWindowRule(int maxRetries, int windowSeconds, int[] at, bool[] expected)
    {
        var stats = new RestartStatistics();
        TimeSpan? window = windowSeconds == 0 ? null : TimeSpan.FromSeconds(windowSeconds);

        var actual = at.Select(t => stats.RequestRestartPermission(maxRetries, window, TimeSpan.FromSeconds(t))).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Strategy_RejectsInvalidArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneForOneStrategy(-2, null, _ => Directive.Stop));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneForOneStrategy(1, TimeSpan.Zero, _ => Directive.Stop));
        Assert.Throws<ArgumentNullException>(() => new OneForOneStrategy(null!));
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException), Directive.Restart)]
    [InlineData(typeof(ActorKilledException), Directive.Stop)]
    [InlineData(typeof(DeathPactException), Directive.Stop)]
    public void DefaultDecider_RestartsExceptStopOnKillAndDeathPact(Type type, Directive expected)
    {
        var cause = (Exception)Activator.CreateInstance(type, "x")!;
        Assert.Equal(expected, SupervisorStrategy.DefaultDecider(cause));
    }

    [Fact]
    public void DefaultDecider_StopsOnInitializationFailure() =>
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException(null, "x", null)));
}
