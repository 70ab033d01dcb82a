using ActorHeartbeat.Core;
using ActorHeartbeat.Hosting.HealthChecks;
using ActorHeartbeat.Hosting.Tests.Support;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActorHeartbeat.Hosting.Tests;

public sealed class HealthCheckTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LivenessSnapshot Snapshot(params ConnectionState[] states) =>
        new([.. states.Select((s, i) => new ConnectionLiveness($"c{i}", s, At, 1, 0, null, null, null, null))]);

    public static TheoryData<ConnectionState[], HealthStatus> ByShareUp => new()
    {
        { [ConnectionState.Up], HealthStatus.Healthy },
        { [ConnectionState.Up, ConnectionState.Up, ConnectionState.Up, ConnectionState.Up], HealthStatus.Healthy },
        { [ConnectionState.Up, ConnectionState.Up, ConnectionState.Up, ConnectionState.Connecting], HealthStatus.Degraded },
        { [ConnectionState.Up, ConnectionState.BackingOff], HealthStatus.Degraded },
        { [ConnectionState.Up, ConnectionState.Down, ConnectionState.GaveUp], HealthStatus.Unhealthy },
        { [ConnectionState.Down], HealthStatus.Unhealthy },
        { [ConnectionState.GaveUp, ConnectionState.GaveUp], HealthStatus.Unhealthy },
    };

    [Theory]
    [MemberData(nameof(ByShareUp))]
    public void DefaultThresholds_AllUpIsHealthy_HalfOrMoreIsDegraded_LessIsUnhealthy(ConnectionState[] states, HealthStatus expected)
    {
        var result = ActorHeartbeatHealthCheck.Evaluate(Snapshot(states), new ActorHeartbeatHealthCheckOptions());

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData(0.75, 0.25, 3, HealthStatus.Healthy)]
    [InlineData(0.75, 0.25, 2, HealthStatus.Degraded)]
    [InlineData(0.75, 0.25, 1, HealthStatus.Degraded)]
    [InlineData(0.75, 0.25, 0, HealthStatus.Unhealthy)]
    [InlineData(0.0, 0.0, 0, HealthStatus.Healthy)]
    public void ConfiguredThresholds_ApplyToTheShareUp(double degradedBelow, double unhealthyBelow, int upOfFour, HealthStatus expected)
    {
        var states = Enumerable.Range(0, 4).Select(i => i < upOfFour ? ConnectionState.Up : ConnectionState.Down).ToArray();

        var result = ActorHeartbeatHealthCheck.Evaluate(Snapshot(states), new ActorHeartbeatHealthCheckOptions { DegradedBelow = degradedBelow, UnhealthyBelow = unhealthyBelow });

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void NoConnections_IsHealthy_AndSaysSo()
    {
        var result = ActorHeartbeatHealthCheck.Evaluate(Snapshot(), new ActorHeartbeatHealthCheckOptions());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("no connections are supervised", result.Description);
        Assert.Equal(0, result.Data["total"]);
    }

    [Fact]
    public void Data_CountsEveryState_AndTheDescriptionNamesWhatIsNotUp()
    {
        var result = ActorHeartbeatHealthCheck.Evaluate(
            Snapshot(ConnectionState.Up, ConnectionState.Up, ConnectionState.Connecting, ConnectionState.BackingOff, ConnectionState.GaveUp),
            new ActorHeartbeatHealthCheckOptions { MaxListed = 2 });

        Assert.Equal(
            new Dictionary<string, object> { ["total"] = 5, ["up"] = 2, ["connecting"] = 1, ["down"] = 0, ["backing-off"] = 1, ["gave-up"] = 1 },
            result.Data.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal("2 of 5 connections up (40%); not up: c2 (connecting), c3 (backing-off) and 1 more", result.Description);
    }

    [Fact]
    public void UnhealthyVerdict_UsesTheRegistrationsFailureStatus()
    {
        var result = ActorHeartbeatHealthCheck.Evaluate(Snapshot(ConnectionState.Down), new ActorHeartbeatHealthCheckOptions(), HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Theory]
    [InlineData(0.5, 0.6)]
    [InlineData(1.1, 0.5)]
    [InlineData(0.5, -0.1)]
    public void InconsistentThresholds_AreRefusedAtRegistration(double degradedBelow, double unhealthyBelow)
    {
        var checks = new ServiceCollection().AddHealthChecks();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => checks.AddActorHeartbeatHealthCheck(configure: o =>
        {
            o.DegradedBelow = degradedBelow;
            o.UnhealthyBelow = unhealthyBelow;
        }));

        Assert.Contains("0 <= UnhealthyBelow <= DegradedBelow <= 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealLiveness_GoesFromHealthyToDegradedToUnhealthy_AsConnectionsFail()
    {
        await using var test = TestHost.Build(
            b => b.AddConnection("a", "ws://a.test/ws").AddConnection("b", "ws://b.test/ws").AddConnection("c", "ws://c.test/ws"),
            services: s => s.AddHealthChecks().AddActorHeartbeatHealthCheck(tags: ["ready"]));
        await test.Host.StartAsync();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await test.Logs.WaitForEventAsync(id, "up");
        }

        var health = test.Host.Services.GetRequiredService<HealthCheckService>();
        var allUp = (await health.CheckHealthAsync()).Entries["actor-heartbeat"];
        Drop(test, "a");
        await test.Logs.WaitForEventAsync("a", "backoff");
        var oneDown = (await health.CheckHealthAsync()).Entries["actor-heartbeat"];
        Drop(test, "b");
        await test.Logs.WaitForEventAsync("b", "backoff");
        var twoDown = (await health.CheckHealthAsync()).Entries["actor-heartbeat"];

        Assert.Equal(HealthStatus.Healthy, allUp.Status);
        Assert.Equal(HealthStatus.Degraded, oneDown.Status);
        Assert.Equal(HealthStatus.Unhealthy, twoDown.Status);
        Assert.Equal(1, twoDown.Data["up"]);
        Assert.Equal(2, twoDown.Data["backing-off"]);
        Assert.Equal(["ready"], twoDown.Tags);
    }

    [Fact]
    public async Task BeforeTheHostStarted_TheCheckReportsTheFailureStatus()
    {
        await using var test = TestHost.Build(b => b.AddConnection("a", "ws://a.test/ws"), services: s => s.AddHealthChecks().AddActorHeartbeatHealthCheck());

        var report = await test.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("has not started", report.Entries["actor-heartbeat"].Description, StringComparison.Ordinal);
        await test.Host.StartAsync();
    }

    private static void Drop(TestHost test, string id) => test.Transport.Peers.Single(p => p.Request.Url.Host == $"{id}.test").Drop();
}
