using ActorHeartbeat.Cli.Demo;

namespace ActorHeartbeat.Cli.Tests.Demo;

public sealed class DemoPlanTests
{
    private static readonly DemoTimings Timings = new();

    [Theory]
    [InlineData(24, 20, 5)]   // slots at 4, 6.5, 9, 11.5, 14 s; 14 + 6 <= 20
    [InlineData(24, 19, 4)]
    [InlineData(24, 10, 1)]
    [InlineData(24, 9.9, 0)]
    [InlineData(24, 60, 21)]
    public void FaultCount_FollowsTheGapsBetweenWarmupAndTail(int connections, double seconds, int expected)
    {
        var plan = DemoPlan.Create(connections, TimeSpan.FromSeconds(seconds), Timings);
        Assert.Equal(expected, plan.Count);
    }

    [Fact]
    public void EveryFault_LeavesTheTailFree_AndIsNumberedInOrder()
    {
        var duration = TimeSpan.FromSeconds(60);
        var plan = DemoPlan.Create(24, duration, Timings);
        Assert.All(plan, f => Assert.True(f.At + Timings.Tail <= duration));
        Assert.Equal(Enumerable.Range(1, plan.Count), plan.Select(f => f.Id));
        Assert.Equal(plan.OrderBy(f => f.At).Select(f => f.Id), plan.Select(f => f.Id));
    }

    [Fact]
    public void FirstFiveFaults_AreOneOfEachKind()
    {
        var plan = DemoPlan.Create(24, TimeSpan.FromSeconds(20), Timings);
        Assert.Equal(Enum.GetValues<FaultKind>().Order(), plan.Select(f => f.Kind).Order());
    }

    [Fact]
    public void SlowPongs_OnlyHitJsonHeartbeatConnections()
    {
        var plan = DemoPlan.Create(24, TimeSpan.FromMinutes(5), Timings);
        Assert.Contains(plan, f => f.Kind == FaultKind.SlowPongs);
        Assert.All(plan.Where(f => f.Kind == FaultKind.SlowPongs), f => Assert.Equal(DemoProfile.Json, DemoPlan.ProfileOf(f.Connection)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(24)]
    public void NoConnection_IsHitAgainBeforeItCooledDown(int connections)
    {
        var plan = DemoPlan.Create(connections, TimeSpan.FromMinutes(5), Timings);
        foreach (var group in plan.GroupBy(f => f.Connection))
        {
            var times = group.Select(f => f.At).ToArray();
            for (var i = 1; i < times.Length; i++)
            {
                Assert.True(times[i] - times[i - 1] >= Timings.Cooldown, $"connection {group.Key} hit at {times[i - 1]} and {times[i]}");
            }
        }
    }

    [Fact]
    public void OneKeepaliveConnection_GetsNoSlowPongs()
    {
        var plan = DemoPlan.Create(1, TimeSpan.FromMinutes(2), Timings);
        Assert.NotEmpty(plan);
        Assert.DoesNotContain(plan, f => f.Kind == FaultKind.SlowPongs);
    }

    [Fact]
    public void EachFault_HitsTheNextSuitableConnection_RoundRobin()
    {
        var plan = DemoPlan.Create(24, TimeSpan.FromSeconds(60), Timings);
        for (var k = 1; k < plan.Count; k++)
        {
            var expected = Enumerable.Range(1, 24).Select(step => (plan[k - 1].Connection + step) % 24)
                .First(i => DemoPlan.Suits(plan[k].Kind, DemoPlan.ProfileOf(i)));
            Assert.Equal(expected, plan[k].Connection);
        }
    }

    [Fact]
    public void SamePlan_ForTheSameInputs()
    {
        Assert.Equal(DemoPlan.Create(24, TimeSpan.FromSeconds(90), Timings), DemoPlan.Create(24, TimeSpan.FromSeconds(90), Timings));
    }

    [Theory]
    [InlineData(0, "keepalive-01")]
    [InlineData(1, "json-02")]
    [InlineData(2, "respond-03")]
    [InlineData(23, "respond-24")]
    public void Ids_NameTheProfile_AndTheNumber(int index, string id) => Assert.Equal(id, DemoPlan.IdOf(index));
}
