using System.Net;
using System.Net.WebSockets;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>max-connections, max-message-size, allowed-origins and plain HTTP on the endpoint, with real clients.</summary>
public sealed class LoopbackLimitsTests
{
    [Fact]
    public async Task OverMaxConnections_TheHandshakeIsRefusedWith503_AndAFreedSlotIsUsableAgain()
    {
        await using var server = await LoopbackServer.StartAsync(s => s with { MaxConnections = 2 });
        await using var one = await TestClient.ConnectAsync(server.Uri());
        await using var two = await TestClient.ConnectAsync(server.Uri());
        await server.WaitForSessionCountAsync(2);

        Assert.Equal(503, await TestClient.RefusedStatusAsync(server.Uri()));

        await one.CloseAsync();
        await server.WaitForSessionCountAsync(1);
        await using var three = await TestClient.ConnectAsync(server.Uri());
        await server.WaitForSessionCountAsync(2);
    }

    [Fact]
    public async Task TooBigMessage_ClosesTheSessionWith1009_AndReportsMessageTooBig()
    {
        await using var server = await LoopbackServer.StartAsync(s => s with { MaxMessageSize = 1024 });
        await using var client = await TestClient.ConnectAsync(server.Uri());
        await client.SendBytesAsync(1024);
        await client.SendAsync("""{"op":"ping","seq":1}""");
        // The pong shows that a message of exactly the limit was taken.
        await client.WaitForMessagesAsync(1, TimeSpan.FromSeconds(5));
        Assert.Single(client.Texts);

        await client.SendBytesAsync(1025);

        await client.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
        var down = await server.Events.WaitForAsync(e => e.Kind == ConnectionEventKind.Down, TimeSpan.FromSeconds(5), "down");
        Assert.Equal(DisconnectReason.MessageTooBig, down.Reason);
    }

    [Fact]
    public async Task ForeignOrigin_IsRefusedWith403_WhileAnAllowedOneOrNoneIsAccepted()
    {
        await using var server = await LoopbackServer.StartAsync(s => s with { AllowedOrigins = ["https://app.example"] });

        Assert.Equal(403, await TestClient.RefusedStatusAsync(server.Uri(), origin: "https://evil.example"));
        await using var allowed = await TestClient.ConnectAsync(server.Uri(), origin: "https://APP.example");
        await using var noOrigin = await TestClient.ConnectAsync(server.Uri());
        await server.WaitForSessionCountAsync(2);
        Assert.Contains(await server.SessionsAsync(), s => s.Info.Origin == "https://APP.example");
    }

    [Fact]
    public async Task PlainHttpRequest_OnThePath_Is400_AndOtherPathsAre404()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Host.BaseAddress };

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/ws")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/other")).StatusCode);
        Assert.Empty(await server.SessionsAsync());
    }
}
