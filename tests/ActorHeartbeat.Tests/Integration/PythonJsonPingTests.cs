using ActorHeartbeat.Testing;
using ActorHeartbeat.Core;
using Xunit.Abstractions;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Against a Python websockets server with the common JSON heartbeat <c>{"type":"ping"}</c> →
/// <c>{"type":"pong","timestamp":…}</c> (no sequence echoed): our client configured for it stays
/// healthy with round trips in the registry, and a frozen server is a heartbeat-timeout.
/// </summary>
public sealed class PythonJsonPingTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task TypePongs_KeepTheConnectionHealthy_WithRoundTrips_AndAFrozenServerIsHeartbeatTimeout_AndUpAgainAfterPass()
    {
        RequiredPeers.RequireOrSkip(await PythonPeer.MissingReasonAsync());
        await using var peer = await PythonPeer.StartAsync("json_ping_server.py");
        await using var scenario = await FaultScenario.StartAsync(peer.Endpoint, "/", TypePingSettings.For, output, "python type-ping freeze");
        var healthy = await scenario.UpWithRoundTripsAsync();
        Assert.True(healthy.RoundTrip!.Last < ClientConfig.HeartbeatTimeout, $"Loopback round trips should be far below the timeout: {healthy.RoundTrip}");

        await scenario.DetectAsync("freeze", scenario.Proxy.Freeze, DisconnectReason.HeartbeatTimeout, DetectionBounds.ApplicationHeartbeat);

        await scenario.HealAsync();
    }
}
