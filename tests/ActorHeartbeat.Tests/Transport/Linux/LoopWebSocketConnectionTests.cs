using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using ActorHeartbeat.Core;
using ActorHeartbeat.Transport;
using ActorHeartbeat.Transport.Linux;

namespace ActorHeartbeat.Tests.Transport.Linux;

/// <summary>
/// The event-loop connection against a scripted server on loopback: what it does on its own (answer
/// pings, hold messages that arrive early, pause reading when they pile up, finish large writes later,
/// fail on protocol errors with the right close code) and how it closes.
/// </summary>
public sealed class LoopWebSocketConnectionTests
{
    private static readonly TimeSpan Bound = ScriptedServer.Bound;

    [SkippableFact]
    public async Task ServerPing_IsAnsweredWithAPongCarryingItsPayload()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);

        await server.WriteAsync(ScriptedServer.Frame(0x9, "beat"u8), cancel.Token);
        var (opcode, payload) = await server.ReadFrameAsync(cancel.Token);

        Assert.Equal(0xA, opcode);
        Assert.Equal("beat", Encoding.UTF8.GetString(payload));
    }

    [SkippableFact]
    public async Task MessagesArrivingBeforeAReceive_AreKeptInOrder()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);

        await server.WriteAsync([.. ScriptedServer.TextFrame("one"), .. ScriptedServer.Frame(0x2, [7, 8]), .. ScriptedServer.TextFrame("three")], cancel.Token);

        Assert.Equal("one", (await connection.ReceiveAsync(1024, cancel.Token)).Text);
        Assert.Equal([7, 8], (await connection.ReceiveAsync(1024, cancel.Token)).Binary);
        Assert.Equal("three", (await connection.ReceiveAsync(1024, cancel.Token)).Text);
    }

    [SkippableFact]
    public async Task ManyUnreceivedMessages_PauseReading_AndAllArriveOnceReceived()
    {
        const int Count = LoopWebSocketConnection.PauseReadingAt * 4;
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);

        var burst = Enumerable.Range(0, Count).SelectMany(i => ScriptedServer.TextFrame($"m{i}")).ToArray();
        await server.WriteAsync(burst, cancel.Token);

        Assert.True(SpinWait.SpinUntil(() => connection.HasPendingInput, Bound));
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal($"m{i}", (await connection.ReceiveAsync(1024, cancel.Token)).Text);
        }

        Assert.False(connection.HasPendingInput);
    }

    [SkippableFact]
    public async Task LargeSend_LongerThanTheSocketTakes_CompletesOnceWritten_AndArrivesWhole()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);
        var bytes = new byte[8 * 1024 * 1024];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        var sending = connection.SendBinaryAsync(bytes, cancel.Token).AsTask();
        var (opcode, payload) = await server.ReadFrameAsync(cancel.Token);
        await sending;

        Assert.Equal(0x2, opcode);
        Assert.Equal(bytes, payload);
    }

    [SkippableFact]
    public async Task OversizeMessage_IsReportedTooBig_AndTheNextOneStillArrives()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token, maxMessageSize: 100);

        await server.WriteAsync([.. ScriptedServer.TextFrame(new string('x', 300)), .. ScriptedServer.TextFrame("small")], cancel.Token);

        Assert.Equal(InboundKind.TooBig, (await connection.ReceiveAsync(100, cancel.Token)).Kind);
        Assert.Equal("small", (await connection.ReceiveAsync(100, cancel.Token)).Text);
    }

    [SkippableTheory]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("ééééééé")]
    public async Task MessageReadAheadUnderNoLimit_IsReportedTooBig_WhenTheReceiveNamesASmallerOne(string text)
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);

        await server.WriteAsync([.. ScriptedServer.TextFrame(text), .. ScriptedServer.Frame(0x2, new byte[11]), .. ScriptedServer.TextFrame("small")], cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => connection.HasPendingInput, Bound));

        Assert.Equal(InboundKind.TooBig, (await connection.ReceiveAsync(10, cancel.Token)).Kind);
        Assert.Equal(InboundKind.TooBig, (await connection.ReceiveAsync(10, cancel.Token)).Kind);
        Assert.Equal("small", (await connection.ReceiveAsync(10, cancel.Token)).Text);
    }

    [SkippableTheory]
    [InlineData(new byte[] { 0x81, 0x82, 1, 2, 3, 4, 5, 6 }, 1002)]
    [InlineData(new byte[] { 0x83, 0x00 }, 1002)]
    [InlineData(new byte[] { 0x81, 0x02, 0xC3, 0x28 }, 1007)]
    public async Task ProtocolViolation_FailsTheReceiveAsAProtocolError_AndTellsThePeerWhy(byte[] frame, int expectedCode)
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);

        await server.WriteAsync(frame, cancel.Token);
        var error = await Assert.ThrowsAsync<WebSocketException>(() => connection.ReceiveAsync(1024, cancel.Token).AsTask());
        var (opcode, payload) = await server.ReadFrameAsync(cancel.Token);

        Assert.Equal(DisconnectReason.ProtocolError, TransportErrors.Classify(error));
        Assert.Equal(0x8, opcode);
        Assert.Equal(expectedCode, (payload[0] << 8) | payload[1]);
    }

    [SkippableFact]
    public async Task PeerClose_IsReceived_AndCloseAnswersIt()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);

        await server.WriteAsync(ScriptedServer.Frame(0x8, [0x03, 0xE9, .. "away"u8]), cancel.Token);
        var message = await connection.ReceiveAsync(1024, cancel.Token);
        await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cancel.Token);
        var (opcode, payload) = await server.ReadFrameAsync(cancel.Token);

        Assert.Equal(InboundKind.Close, message.Kind);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, message.CloseStatus);
        Assert.Equal("away", message.CloseDescription);
        Assert.Equal(0x8, opcode);
        Assert.Equal(1000, (payload[0] << 8) | payload[1]);
        Assert.Equal("bye", Encoding.UTF8.GetString(payload.AsSpan(2)));
    }

    [SkippableFact]
    public async Task Close_WaitsForThePeersCloseFrame()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);
        var receiving = connection.ReceiveAsync(1024, cancel.Token).AsTask();

        var closing = connection.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
        var (opcode, _) = await server.ReadFrameAsync(cancel.Token);
        Assert.Equal(0x8, opcode);
        Assert.False(closing.IsCompleted);
        await server.WriteAsync(ScriptedServer.Frame(0x8, [0x03, 0xE8]), cancel.Token);

        await closing.WaitAsync(cancel.Token);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await receiving).CloseStatus);
    }

    [SkippableFact]
    public async Task PeerEndsTcpWithoutCloseFrame_FailsThePendingReceiveAsClosedByPeer()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);
        var receiving = connection.ReceiveAsync(1024, cancel.Token).AsTask();

        await server.ShutdownAsync(cancel.Token);

        var error = await Assert.ThrowsAsync<WebSocketException>(() => receiving);
        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, error.WebSocketErrorCode);
        Assert.Equal(DisconnectReason.ClosedByPeer, TransportErrors.Classify(error));
    }

    [SkippableFact]
    public async Task Abort_FailsThePendingReceive_ClosesTheSocket_AndLaterSendsFail()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        var connection = await ConnectAsync(server, cancel.Token);
        var receiving = connection.ReceiveAsync(1024, cancel.Token).AsTask();

        connection.Abort();

        await Assert.ThrowsAsync<WebSocketException>(() => receiving);
        Assert.Equal(0, await server.ReadToEndAsync(cancel.Token));
        await Assert.ThrowsAsync<WebSocketException>(() => connection.SendTextAsync("late", cancel.Token).AsTask());
        connection.Dispose();
    }

    [SkippableFact]
    public async Task CancelledReceive_EndsWithCancellation_AndTheNextReceiveStillGetsTheMessage()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);
        using var first = new CancellationTokenSource();

        var receiving = connection.ReceiveAsync(1024, first.Token).AsTask();
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving);
        await server.WriteAsync(ScriptedServer.TextFrame("after"), cancel.Token);

        Assert.Equal("after", (await connection.ReceiveAsync(1024, cancel.Token)).Text);
    }

    [SkippableFact]
    public async Task SecondReceiveWhileOneIsPending_IsRefused()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await ConnectAsync(server, cancel.Token);
        _ = connection.ReceiveAsync(1024, cancel.Token);

        Assert.Throws<InvalidOperationException>(() => connection.ReceiveAsync(1024, cancel.Token));
    }

    private static async Task<IWebSocketConnection> ConnectAsync(ScriptedServer server, CancellationToken cancellationToken, int? maxMessageSize = null)
    {
        Skip.IfNot(TransportEventLoop.IsSupported, "The socket event loop needs Linux (epoll) in a 64-bit process.");
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop: true);
        var request = ScriptedServer.RequestFor(server.Url) with { MaxMessageSize = maxMessageSize };
        var connection = await transport.ConnectAsync(request, cancellationToken);
        Assert.IsType<LoopWebSocketConnection>(connection);
        await server.Request.WaitAsync(cancellationToken);
        return connection;
    }
}
