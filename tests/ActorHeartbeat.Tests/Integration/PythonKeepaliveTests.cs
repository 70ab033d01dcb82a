using ActorHeartbeat.Testing;
using ActorHeartbeat.Core;
using ActorHeartbeat.TestKit;
using Xunit.Abstractions;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Against a Python websockets server that relies on protocol keepalive (serve(ping_interval=…,
/// ping_timeout=…)), the style many of our users' servers have: our client answers the server's pings
/// so the server keeps it, and our own keepalive detects a frozen server.
/// </summary>
public sealed class PythonKeepaliveTests(ITestOutputHelper output)
{
    private const string PingInterval = "0.3";
    private const string PingTimeout = "0.3";

    [SkippableFact]
    public async Task ServerPings_AreAnswered_SoTheServerKeepsUs_AndAFrozenServerIsKeepaliveTimeout_AndUpAgainAfterPass()
    {
        RequiredPeers.RequireOrSkip(await PythonPeer.MissingReasonAsync());
        await using var peer = await PythonPeer.StartAsync("keepalive_server.py", PingInterval, PingTimeout);
        await using var scenario = await FaultScenario.StartAsync(peer.Endpoint, "/", ClientConfig.KeepaliveOnly, output, "python keepalive freeze");
        var up = await scenario.WaitUpAsync();
        var pingedBefore = scenario.Proxy.BytesForwarded(FaultDirection.ServerToClient);

        // Several of the server's ping intervals: had a pong been missing, it would have closed with 1011.
        await scenario.StaysHealthyAsync(DetectionBounds.HealthyPhase + TimeSpan.FromSeconds(0.3), up);
        var pinged = scenario.Proxy.BytesForwarded(FaultDirection.ServerToClient) - pingedBefore;
        Assert.True(pinged >= 3 * ProtocolFrames.PythonPing, $"The server sent {pinged} bytes in the healthy phase, fewer than three pings; {peer}");

        await scenario.DetectAsync("freeze", scenario.Proxy.Freeze, DisconnectReason.KeepaliveTimeout, DetectionBounds.ProtocolKeepalive);

        await scenario.HealAsync();
    }
}
