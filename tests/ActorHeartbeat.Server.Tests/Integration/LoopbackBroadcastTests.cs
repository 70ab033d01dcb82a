using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>Broadcast to real clients on loopback: a client that never reads cannot hold up the others.</summary>
public sealed class LoopbackBroadcastTests
{
    private const int MaxBroadcasts = 1000;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Broadcast_ReachesEveryLiveSession_WhileAClientThatNeverReadsIsDisconnectedAsSlowConsumer()
    {
        await using var server = await LoopbackServer.StartAsync(s => s with { SendQueueCapacity = 8 });
        var readers = new List<TestClient>();
        for (var i = 0; i < 3; i++)
        {
            readers.Add(await TestClient.ConnectAsync(server.Uri($"/ws?reader={i}")));
        }

        await using var slow = await TestClient.ConnectAsync(server.Uri("/ws?reader=none"), read: false);
        await server.WaitForSessionCountAsync(4);
        var slowId = (await server.SessionsAsync()).Single(s => s.Info.Query == "?reader=none").Id;
        var payload = OutboundMessage.OfText(new string('x', 128 * 1024));

        // The socket buffers take a few MiB before the slow client's writes stall and its queue fills.
        var sent = 0;
        while (!server.Events.Events.Any(e => e.Connection == slowId && e.Kind == ConnectionEventKind.Down))
        {
            Assert.True(sent < MaxBroadcasts, $"The slow client was not disconnected after {MaxBroadcasts} broadcasts of 128 KiB.");
            await server.Server.BroadcastAsync(payload);
            sent++;
            foreach (var reader in readers)
            {
                await reader.WaitForMessagesAsync(sent, Step);
            }
        }

        var down = await server.Events.WaitForAsync(e => e.Connection == slowId && e.Kind == ConnectionEventKind.Down, Step, "the slow client's down");
        Assert.Equal(DisconnectReason.SlowConsumer, down.Reason);
        Assert.Equal(3, await server.Server.BroadcastAsync(OutboundMessage.OfText("last")));
        foreach (var reader in readers)
        {
            await reader.WaitForMessagesAsync(sent + 1, Step);
            Assert.Equal("last", reader.Texts[^1]);
        }

        await server.WaitForSessionCountAsync(3);
        var snapshot = await server.Server.GetSessionsAsync();
        Assert.Equal(slowId, Assert.Single(snapshot.RecentDisconnects).Info.Id);
        Assert.True(snapshot.DroppedMessages >= 9, $"dropped {snapshot.DroppedMessages}");
        foreach (var reader in readers)
        {
            await reader.DisposeAsync();
        }
    }
}
