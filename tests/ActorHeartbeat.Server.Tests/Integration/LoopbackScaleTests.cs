using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>Many concurrent sessions on one server.</summary>
public sealed class LoopbackScaleTests
{
    private const int Clients = 1000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AThousandConcurrentSessions_AreAllRegistered_AllGetABroadcast_AndAreAllCleanedUpOnClose()
    {
        await using var server = await LoopbackServer.StartAsync();
        var clients = new TestClient[Clients];
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    clients[i] = await TestClient.ConnectAsync(server.Uri($"/ws?n={i}"));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        try
        {
            await server.WaitForSessionCountAsync(Clients, Bound);
            var snapshot = await server.Server.GetSessionsAsync();
            Assert.Equal(Clients, snapshot.Sessions.Select(s => s.Info.Query).Distinct().Count());

            Assert.Equal(Clients, await server.Server.BroadcastAsync(OutboundMessage.OfText("to all")));
            await Task.WhenAll(clients.Select(c => c.WaitForMessagesAsync(1, Bound)));
            Assert.All(clients, c => Assert.Equal(["to all"], c.Texts));

            await Task.WhenAll(clients.Select(c => c.CloseAsync()));
            await server.WaitForSessionCountAsync(0, Bound);
            var after = await server.Server.GetSessionsAsync();
            Assert.Equal(Clients, after.DisconnectsByReason[DisconnectReason.ClosedByPeer]);
            Assert.Equal(0, server.Server.OpenSessions);
        }
        finally
        {
            await Task.WhenAll(clients.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
