using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.TestKit;

namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>The server's heartbeat with real ClientWebSocket clients on loopback, through the fault proxy.</summary>
public sealed class LoopbackHeartbeatTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(800);

    private static ServerSettings WithHeartbeat(ServerSettings s) => s with
    {
        Heartbeat = new HeartbeatRules(
            new ApplicationHeartbeat(Interval, Timeout, MessageTemplate.Parse("""{"op":"ping","seq":{seq}}"""), MessageMatcher.JsonFieldEquals("op", "pong"), "seq", false),
            null,
            ServerSettings.DefaultRules.Respond),
    };

    [Fact]
    public async Task FrozenClient_IsDownWithHeartbeatTimeout_WithinIntervalPlusTimeout_AndRemoved()
    {
        await using var server = await LoopbackServer.StartAsync(WithHeartbeat);
        await using var proxy = FaultProxy.Start(server.Endpoint);
        await using var healthy = await TestClient.ConnectAsync(server.Uri("/ws?who=healthy"));
        await using var frozen = await TestClient.ConnectAsync(proxy.WebSocketUri("/ws?who=frozen"));
        await server.WaitForSessionCountAsync(2);
        var frozenId = (await server.SessionsAsync()).Single(s => s.Info.Query == "?who=frozen").Id;
        await Eventually.HoldsAsync(
            async () => await server.SessionsAsync() is { Count: 2 } sessions && sessions.All(s => s.RoundTrip?.Count >= 3),
            TimeSpan.FromSeconds(5),
            "three answered pings per session");
        Assert.DoesNotContain(server.Events.Events, e => e.Kind == ConnectionEventKind.Down);

        var start = TimeProvider.System.GetTimestamp();
        proxy.Freeze();
        var bound = Interval + Timeout + LoopbackServer.Margin;
        var down = await server.Events.WaitForAsync(e => e.Kind == ConnectionEventKind.Down, bound, "down after the freeze");
        var detected = TimeProvider.System.GetElapsedTime(start);

        Assert.Equal((frozenId, DisconnectReason.HeartbeatTimeout), (down.Connection, down.Reason!.Value));
        Assert.True(detected <= bound, $"detected after {detected.TotalMilliseconds:0} ms, bound {bound.TotalMilliseconds:0} ms");
        await server.WaitForSessionCountAsync(1, server.Server.Settings.CloseTimeout + LoopbackServer.Margin);
        var snapshot = await server.Server.GetSessionsAsync();
        Assert.Equal("?who=healthy", Assert.Single(snapshot.Sessions).Info.Query);
        Assert.Equal(DisconnectReason.HeartbeatTimeout, Assert.Single(snapshot.RecentDisconnects).Reason);
    }

    [Fact]
    public async Task ClientApplicationPing_IsAnswered_WithTheReplyTemplate()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var client = await TestClient.ConnectAsync(server.Uri());

        await client.SendAsync("""{"op":"ping","seq":42}""");

        await client.WaitForMessagesAsync(1, TimeSpan.FromSeconds(5));
        Assert.Equal(["""{"op":"pong","seq":42}"""], client.Texts);
    }

    [Fact]
    public async Task DisconnectByTheServer_ClosesTheClientWithNormalClosure_AndReportsTheReason()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var client = await TestClient.ConnectAsync(server.Uri("/ws?id=7"));
        await server.WaitForSessionCountAsync(1);
        var id = (await server.SessionsAsync()).Single().Id;

        var result = await server.Server.DisconnectAsync(id);

        Assert.True(result.Accepted);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        var down = await server.Events.WaitForAsync(e => e.Kind == ConnectionEventKind.Down, TimeSpan.FromSeconds(5), "down");
        Assert.Equal(DisconnectReason.DisconnectedByServer, down.Reason);
        await server.WaitForSessionCountAsync(0);
    }

    [Fact]
    public async Task StoppingTheHost_ClosesEverySessionWithGoingAway()
    {
        var server = await LoopbackServer.StartAsync();
        await using var one = await TestClient.ConnectAsync(server.Uri());
        await using var two = await TestClient.ConnectAsync(server.Uri());
        await server.WaitForSessionCountAsync(2);

        await server.Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await Task.WhenAll(one.Closed, two.Closed).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, one.CloseStatus);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, two.CloseStatus);
        Assert.Equal(2, server.Events.Events.Count(e => e is { Kind: ConnectionEventKind.Down, Reason: DisconnectReason.Shutdown }));
        await server.DisposeAsync();
    }
}
