using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using Xunit.Abstractions;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Faults of the TCP connection itself against a Kestrel endpoint through the fault proxy, in real time:
/// a reset is closed-by-peer at once; a refusing server is connect-failed with growing, capped backoff
/// until it accepts again.
/// </summary>
public sealed class KestrelConnectionFaultTests(KestrelPeer server, ITestOutputHelper output) : IClassFixture<KestrelPeer>
{
    [Fact]
    public async Task Reset_IsClosedByPeer_AtOnce_AndUpAgainAfterBackoff()
    {
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.OpPing, url => ClientConfig.ApplicationHeartbeat(url), output, "kestrel reset");
        var up = await scenario.WaitUpAsync();
        await scenario.StaysHealthyAsync(DetectionBounds.HealthyPhase, up);

        await scenario.DetectAsync("reset", scenario.Proxy.ResetAll, DisconnectReason.ClosedByPeer, DetectionBounds.Reset);

        // The proxy still accepts: the next attempt after backoff min succeeds.
        await scenario.RecoverAsync("reset", () => { });
        Assert.Equal(2, scenario.Proxy.AcceptedConnections);
    }

    [Fact]
    public async Task RefusedReconnects_AreConnectFailed_WithGrowingCappedBackoff_AndUpAgainAfterPass()
    {
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.OpPing, url => ClientConfig.ApplicationHeartbeat(url), output, "kestrel refuse");
        var up = await scenario.WaitUpAsync();
        await scenario.StaysHealthyAsync(DetectionBounds.HealthyPhase, up);

        // Refusing leaves the open connection alone; the reset ends it, and every reconnect is refused.
        scenario.Proxy.Refuse();
        var from = scenario.Events.Count;
        await scenario.DetectAsync("reset while refusing", scenario.Proxy.ResetAll, DisconnectReason.ClosedByPeer, DetectionBounds.Reset);
        var expectedDelays = new[] { 100, 200, 400, 500, 500 }.Select(ms => TimeSpan.FromMilliseconds(ms)).ToArray();
        var backoffs = new List<RecordedEvent>();
        foreach (var expected in expectedDelays)
        {
            var next = backoffs.Count == 0 ? from : backoffs[^1].Index + 1;
            backoffs.Add(await scenario.Events.WaitForAsync(
                e => e.Kind == ConnectionEventKind.Backoff,
                next,
                expected + DetectionBounds.Margin + TimeSpan.FromSeconds(5),
                $"backoff #{backoffs.Count + 1}"));
        }

        var history = scenario.Events.Since(from).Where(e => e.Index <= backoffs[^1].Index).ToList();
        var downs = history.Where(e => e.Kind == ConnectionEventKind.Down).Select(e => e.Reason).ToList();
        Assert.Equal(
            [DisconnectReason.ClosedByPeer, DisconnectReason.ConnectFailed, DisconnectReason.ConnectFailed, DisconnectReason.ConnectFailed, DisconnectReason.ConnectFailed],
            downs);
        Assert.Equal(expectedDelays, history.Where(e => e.Kind == ConnectionEventKind.Backoff).Select(e => e.Event.Delay!.Value));
        Assert.DoesNotContain(history, e => e.Kind == ConnectionEventKind.Up);
        var refused = history.First(e => e.Reason == DisconnectReason.ConnectFailed);
        Assert.Contains("refused", refused.Event.Detail, StringComparison.OrdinalIgnoreCase);

        await scenario.HealAsync();
        Assert.Equal(2, scenario.Proxy.AcceptedConnections);
    }
}
