using ActorHeartbeat.Core;
using ActorHeartbeat.TestKit;
using Xunit.Abstractions;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Protocol keepalive only (RFC 6455 ping/pong run by <see cref="System.Net.WebSockets.ClientWebSocket"/>,
/// no application heartbeat) against a Kestrel endpoint that answers nothing at the application level:
/// it checks that what .NET really throws when KeepAliveTimeout expires is classified keepalive-timeout.
/// </summary>
public sealed class KestrelKeepaliveTests(KestrelPeer server, ITestOutputHelper output) : IClassFixture<KestrelPeer>
{
    [Fact]
    public async Task ProtocolKeepaliveOnly_StaysUpOnPongs_AndAFrozenServerIsKeepaliveTimeout_AndUpAgainAfterPass()
    {
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.ProtocolOnly, ClientConfig.KeepaliveOnly, output, "kestrel keepalive freeze");
        var up = await scenario.WaitUpAsync();
        var sentBefore = scenario.Proxy.BytesForwarded(FaultDirection.ClientToServer);
        var answeredBefore = scenario.Proxy.BytesForwarded(FaultDirection.ServerToClient);

        // Long enough for the runtime's keepalive timer (1 s period) to ping and see the pong.
        await scenario.StaysHealthyAsync(DetectionBounds.HealthyPhase + TimeSpan.FromSeconds(1), up);
        Assert.True(scenario.Proxy.BytesForwarded(FaultDirection.ClientToServer) - sentBefore >= ProtocolFrames.MaskedPing, "No protocol ping went to the server.");
        Assert.True(scenario.Proxy.BytesForwarded(FaultDirection.ServerToClient) - answeredBefore >= ProtocolFrames.Pong, "No protocol pong came back.");

        await scenario.DetectAsync("freeze", scenario.Proxy.Freeze, DisconnectReason.KeepaliveTimeout, DetectionBounds.ProtocolKeepalive);

        await scenario.HealAsync();
    }
}
