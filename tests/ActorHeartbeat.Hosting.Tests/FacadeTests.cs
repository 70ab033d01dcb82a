using System.Net.WebSockets;
using ActorHeartbeat.Core;
using ActorHeartbeat.Hosting.Internal;
using ActorHeartbeat.Hosting.Tests.Support;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace ActorHeartbeat.Hosting.Tests;

public sealed class FacadeTests
{
    private static async Task<TestHost> StartWith(params string[] ids)
    {
        var test = await TestHost.StartAsync(b =>
        {
            foreach (var id in ids)
            {
                b.AddConnection(id, $"ws://{id}.test/ws");
            }
        });
        foreach (var id in ids)
        {
            await test.Logs.WaitForEventAsync(id, "up");
        }

        return test;
    }

    private static InMemoryPeer PeerOf(TestHost test, string id) => test.Transport.Peers.Last(p => p.Request.Url.Host == $"{id}.test");

    [Fact]
    public async Task SendAsync_Text_ArrivesAtThePeer()
    {
        await using var test = await StartWith("feed");

        await test.Connections.SendAsync("feed", """{"op":"subscribe"}""");

        var peer = PeerOf(test, "feed");
        await peer.WaitForReceivedAsync(1).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["""{"op":"subscribe"}"""], peer.Received);
    }

    [Fact]
    public async Task SendAsync_Bytes_ArrivesAtThePeerAsABinaryMessage()
    {
        await using var test = await StartWith("feed");

        await test.Connections.SendAsync("feed", new byte[] { 1, 2, 3 });

        var peer = PeerOf(test, "feed");
        await peer.WaitForReceivedAsync(1).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["<binary 3 bytes>"], peer.Received);
    }

    [Fact]
    public async Task SendAsync_UnknownId_ThrowsSendRejected_NamingTheId()
    {
        await using var test = await StartWith("feed");

        var error = await Assert.ThrowsAsync<SendRejectedException>(() => test.Connections.SendAsync("nope", "hello"));

        Assert.Equal("nope", error.Connection);
        Assert.Contains("no connection named 'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhileTheConnectionIsDown_IsBufferedAndSentOnReconnect()
    {
        await using var test = await StartWith("feed");
        PeerOf(test, "feed").Drop();
        await test.Logs.WaitForEventAsync("feed", "backoff");

        await test.Connections.SendAsync("feed", "later");
        test.Time.Advance(TimeSpan.FromSeconds(2));

        await test.Logs.WaitForAsync(e => e.IsEvent("feed", "up") && e.Field("attempt") == "2", "for the reconnect");
        var peer = PeerOf(test, "feed");
        await peer.WaitForReceivedAsync(1).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["later"], peer.Received);
    }

    [Fact]
    public async Task BufferedSend_RefusedWhenTheConnectionIsRemoved_IsLoggedAndCountedAsLate()
    {
        await using var test = await StartWith("feed");
        PeerOf(test, "feed").Drop();
        await test.Logs.WaitForEventAsync("feed", "backoff");
        await test.Connections.SendAsync("feed", "waiting");

        await test.Connections.RemoveAsync("feed");

        await test.Logs.WaitForAsync(e => e.Message.Contains("taken into its send buffer and refused later", StringComparison.Ordinal), "for the late refusal");
        Assert.Equal(1, test.Connections.LateRejections);
    }

    [Fact]
    public async Task SendAsync_BeyondAFullBuffer_ThrowsSendRejected_AndTheBufferedOneIsSentOnReconnect()
    {
        await using var test = await TestHost.StartAsync(b => b.AddConnection("feed", "ws://feed.test/ws", c => c with { SendBufferCapacity = 1 }));
        await test.Logs.WaitForEventAsync("feed", "up");
        PeerOf(test, "feed").Drop();
        await test.Logs.WaitForEventAsync("feed", "backoff");
        await test.Connections.SendAsync("feed", "kept");

        var error = await Assert.ThrowsAsync<SendRejectedException>(() => test.Connections.SendAsync("feed", "refused"));

        Assert.Contains("the send buffer is full (1 messages)", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, test.Connections.LateRejections);
        test.Time.Advance(TimeSpan.FromSeconds(2));
        await test.Logs.WaitForAsync(e => e.IsEvent("feed", "up") && e.Field("attempt") == "2", "for the reconnect");
        var peer = PeerOf(test, "feed");
        await peer.WaitForReceivedAsync(1).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["kept"], peer.Received);
    }

    [Fact]
    public async Task Subscribe_DeliversInboundMessagesAndTransitions_InOrder()
    {
        await using var test = await StartWith("feed");
        await using var subscription = test.Connections.Subscribe("feed");
        await subscription.Ready;
        var reader = subscription.GetAsyncEnumerator();

        PeerOf(test, "feed").SendText("tick 1");
        PeerOf(test, "feed").Close(WebSocketCloseStatus.NormalClosure);
        var read = await reader.ReadUntilAsync(n => n.Event?.Kind == ConnectionEventKind.Backoff, "backoff");

        Assert.Equal("tick 1", read[0].Inbound?.Text);
        Assert.Equal(ConnectionEventKind.Down, read[1].Event?.Kind);
        Assert.Equal(DisconnectReason.ClosedByPeer, read[1].Event?.Reason);
        Assert.Equal(3, read.Count);
        Assert.All(read, n => Assert.Equal("feed", n.Connection));
        Assert.All(read, n => Assert.Equal(0, n.DroppedBefore));
        await reader.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_ToOneConnection_SeesOnlyThatConnection()
    {
        await using var test = await StartWith("a", "b");
        await using var onlyB = test.Connections.Subscribe("b");
        await onlyB.Ready;
        var reader = onlyB.GetAsyncEnumerator();

        PeerOf(test, "a").SendText("for a");
        PeerOf(test, "b").SendText("for b");
        var read = await reader.ReadUntilAsync(n => n.Inbound?.Text == "for b", "from b");

        Assert.Equal("b", Assert.Single(read).Connection);
        await reader.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_SlowConsumer_DropsTheOldest_AndCountsEveryDrop()
    {
        await using var test = await StartWith("feed");
        var slow = (HeartbeatSubscription)test.Connections.Subscribe("feed", capacity: 2);
        await using var witness = test.Connections.Subscribe("feed");
        await slow.Ready;
        await witness.Ready;
        var witnessReader = witness.GetAsyncEnumerator();

        for (var i = 1; i <= 5; i++)
        {
            PeerOf(test, "feed").SendText($"m{i}");
        }

        await witnessReader.ReadUntilAsync(n => n.Inbound?.Text == "m5", "m5 at the witness");
        await slow.SyncAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(3, slow.Dropped);
        var reader = slow.GetAsyncEnumerator();
        var read = await reader.ReadUntilAsync(n => n.Inbound?.Text == "m5", "m5");
        Assert.Equal(["m4", "m5"], read.Select(n => n.Inbound?.Text));
        Assert.Equal([3L, 0L], read.Select(n => n.DroppedBefore));
        await test.Logs.WaitForAsync(e => e.Message.Contains("Subscription to feed is too slow", StringComparison.Ordinal), "for the drop warning");
        await reader.DisposeAsync();
        await witnessReader.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_DisposingTheEnumeration_EndsItAndUnsubscribes()
    {
        await using var test = await StartWith("feed");
        var subscription = test.Connections.Subscribe("feed");
        await subscription.Ready;
        var reader = subscription.GetAsyncEnumerator();
        PeerOf(test, "feed").SendText("first");
        await reader.ReadUntilAsync(n => n.Inbound?.Text == "first", "first");

        await reader.DisposeAsync();

        await AssertUnsubscribed(test);
    }

    [Fact]
    public async Task Subscribe_CancellingTheEnumeration_EndsItAndUnsubscribes()
    {
        await using var test = await StartWith("feed");
        var subscription = test.Connections.Subscribe("feed");
        await subscription.Ready;
        using var cancel = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in subscription.WithCancellation(cancel.Token))
            {
            }
        });

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(15)));
        await AssertUnsubscribed(test);
    }

    [Fact]
    public async Task Subscribe_EnumeratedTwice_TheSecondIsRefused()
    {
        await using var test = await StartWith("feed");
        await using var subscription = test.Connections.Subscribe();
        await using var first = subscription.GetAsyncEnumerator();

        var error = Assert.Throws<InvalidOperationException>(() => subscription.GetAsyncEnumerator());

        Assert.Contains("enumerated only once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_EndsNormally_WhenTheHostStops()
    {
        var test = await StartWith("feed");
        var subscription = test.Connections.Subscribe();
        await subscription.Ready;
        var read = new List<ConnectionNotification>();
        var reading = Task.Run(async () =>
        {
            await foreach (var n in subscription)
            {
                read.Add(n);
            }
        });

        await test.StopAsync();

        await reading.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains(read, n => n.Event is { Kind: ConnectionEventKind.Down, Reason: DisconnectReason.Shutdown });
        await test.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_CapacityBelowOne_IsRefused()
    {
        await using var test = await StartWith("feed");

        Assert.Throws<ArgumentOutOfRangeException>(() => test.Connections.Subscribe(capacity: 0));
    }

    [Fact]
    public async Task AddAsync_StartsANewConnection_AndASecondWithTheSameIdIsRejected()
    {
        await using var test = await StartWith("feed");
        var settings = test.Connections.CreateSettings("late", "ws://late.test/ws");

        await test.Connections.AddAsync(settings);
        await test.Logs.WaitForEventAsync("late", "up");
        var error = await Assert.ThrowsAsync<ConnectionCommandRejectedException>(() => test.Connections.AddAsync(settings));

        Assert.Equal("late", error.Connection);
        Assert.Contains("exists already", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAsync_ClosesTheConnection_AndAnUnknownIdIsRejected()
    {
        await using var test = await StartWith("a", "b");

        await test.Connections.RemoveAsync("a");
        await test.Logs.WaitForEventAsync("a", "removed");
        var error = await Assert.ThrowsAsync<ConnectionCommandRejectedException>(() => test.Connections.RemoveAsync("a"));

        Assert.Contains("no connection named 'a'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, PeerOf(test, "a").ClientCloseStatus);
        Assert.False(PeerOf(test, "a").WasAborted);
        Assert.Equal(ConnectionState.Up, (await test.Connections.GetSnapshotAsync()).Connections.Single(c => c.Id == "b").State);
    }

    [Fact]
    public async Task GetSnapshotAsync_ReportsEveryConnectionsState()
    {
        await using var test = await StartWith("a", "b");
        PeerOf(test, "b").Drop();
        await test.Logs.WaitForEventAsync("b", "backoff");

        var snapshot = await test.Connections.GetSnapshotAsync();

        Assert.Equal([("a", ConnectionState.Up), ("b", ConnectionState.BackingOff)], snapshot.Connections.Select(c => (c.Id, c.State)));
        Assert.Equal(DisconnectReason.ClosedByPeer, snapshot.Connections[1].LastReason);
    }

    [Fact]
    public async Task CreateSettings_WithABadUrl_ThrowsArgumentException_NamingIt()
    {
        await using var test = await StartWith("feed");

        var error = Assert.Throws<ArgumentException>(() => test.Connections.CreateSettings("x", "ftp://x.test/"));

        Assert.Contains("'ftp://x.test/' is not a ws:// or wss:// URL", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// After the subscription ended, a message on the connection is fanned out to nobody: had the manager
    /// kept the stopped subscriber, it would have become a dead letter.
    /// </summary>
    private static async Task AssertUnsubscribed(TestHost test)
    {
        var manager = test.Host.Services.GetRequiredService<HeartbeatRuntime>().Require().Manager;
        var deadLetters = test.System.DeadLetterCount;
        await using var witness = test.Connections.Subscribe("feed");
        await witness.Ready;
        var reader = witness.GetAsyncEnumerator();

        PeerOf(test, "feed").SendText("after");
        await reader.ReadUntilAsync(n => n.Inbound?.Text == "after", "after");
        await Actors.AskExtensions.Ask(manager, Connections.ConnectionManager.ListConnections.Instance, TimeSpan.FromSeconds(15));

        Assert.Equal(deadLetters, test.System.DeadLetterCount);
        await reader.DisposeAsync();
    }
}
