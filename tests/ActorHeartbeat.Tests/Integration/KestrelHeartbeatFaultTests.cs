using ActorHeartbeat.Core;
using ActorHeartbeat.TestKit;
using Xunit.Abstractions;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Our application heartbeat against a Kestrel endpoint through the fault proxy, in real time on real
/// sockets: every fault that silences the peer is a heartbeat-timeout within interval + timeout, and
/// the connection is up and answering again once the fault heals.
/// </summary>
public sealed class KestrelHeartbeatFaultTests(KestrelPeer server, ITestOutputHelper output) : IClassFixture<KestrelPeer>
{
    [Fact]
    public async Task FrozenServer_IsHeartbeatTimeout_WithinIntervalPlusTimeout_AndUpAgainAfterPass()
    {
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.OpPing, url => ClientConfig.ApplicationHeartbeat(url), output, "kestrel freeze");
        await scenario.UpWithRoundTripsAsync();

        await scenario.DetectAsync("freeze", scenario.Proxy.Freeze, DisconnectReason.HeartbeatTimeout, DetectionBounds.ApplicationHeartbeat);

        await scenario.HealAsync();
    }

    [Fact]
    public async Task BlackholedAnswers_AreHeartbeatTimeout_WithinIntervalPlusTimeout_AndUpAgainAfterPass()
    {
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.OpPing, url => ClientConfig.ApplicationHeartbeat(url), output, "kestrel blackhole server->client");
        var up = await scenario.WaitUpAsync();
        await scenario.StaysHealthyAsync(DetectionBounds.HealthyPhase, up);
        var droppedBefore = scenario.Proxy.BytesDropped(FaultDirection.ServerToClient);

        await scenario.DetectAsync("blackhole server->client", () => scenario.Proxy.Blackhole(FaultDirection.ServerToClient), DisconnectReason.HeartbeatTimeout, DetectionBounds.ApplicationHeartbeat);
        Assert.True(scenario.Proxy.BytesDropped(FaultDirection.ServerToClient) > droppedBefore, "The server answered nothing while blackholed: the pings did not reach it.");

        await scenario.HealAsync();
    }

    [Fact]
    public async Task AnswersDelayedBeyondTheTimeout_AreHeartbeatTimeout_WithinIntervalPlusTimeout_AndUpAgainAfterPass()
    {
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.OpPing, url => ClientConfig.ApplicationHeartbeat(url), output, "kestrel delay");
        var up = await scenario.WaitUpAsync();
        await scenario.StaysHealthyAsync(DetectionBounds.HealthyPhase, up);

        var delay = 3 * ClientConfig.HeartbeatTimeout;
        await scenario.DetectAsync($"delay {delay.TotalMilliseconds:0} ms", () => scenario.Proxy.Delay(delay), DisconnectReason.HeartbeatTimeout, DetectionBounds.ApplicationHeartbeat);

        await scenario.HealAsync();
    }

    [Fact]
    public async Task UncorrelatedTypePongs_AnswerTheOldestPing_SoTheConnectionIsHealthy_AndAFreezeIsHeartbeatTimeout()
    {
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.TypePing, TypePingSettings.For, output, "kestrel type-ping freeze");
        var healthy = await scenario.UpWithRoundTripsAsync();
        Assert.True(healthy.RoundTrip!.Last < ClientConfig.HeartbeatTimeout, $"Loopback round trips should be far below the timeout: {healthy.RoundTrip}");

        await scenario.DetectAsync("freeze", scenario.Proxy.Freeze, DisconnectReason.HeartbeatTimeout, DetectionBounds.ApplicationHeartbeat);

        await scenario.HealAsync();
    }
}
