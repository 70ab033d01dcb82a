using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>
/// The default transport's own handshake against a scripted TCP server on loopback, on both of its paths:
/// the managed WebSocket over a stream, and the Linux event loop (where available; elsewhere both rows
/// take the managed path).
/// </summary>
public sealed class ClientWebSocketTransportTests
{
    private static readonly TimeSpan Bound = ScriptedServer.Bound;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_Accepted_SendsHeadersAndSubprotocols_AndReadsAFrameThatCameWithThe101(bool eventLoop)
    {
        await using var server = ScriptedServer.Start(key =>
            ScriptedServer.Accept(key, "Sec-WebSocket-Protocol: v1") + "\x81\x05hello");
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop);
        using var cancel = new CancellationTokenSource(Bound);

        using var connection = await transport.ConnectAsync(ScriptedServer.RequestFor(server.Url, ["v2", "v1"], new Dictionary<string, string> { ["X-Token"] = "t0k" }), cancel.Token);
        var message = await connection.ReceiveAsync(1024, cancel.Token);

        Assert.Equal("v1", connection.SubProtocol);
        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("hello", message.Text);
        var request = await server.Request;
        Assert.Contains("\r\nSec-WebSocket-Protocol: v2, v1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Token: t0k\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventLoopUnavailable_PlainWsConnection_TakesTheManagedPath_AndWorks()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key) + "\x81\x02hi");
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop: true, loop: () => null);
        using var cancel = new CancellationTokenSource(Bound);

        using var connection = await transport.ConnectAsync(ScriptedServer.RequestFor(server.Url), cancel.Token);
        var message = await connection.ReceiveAsync(1024, cancel.Token);
        await connection.SendTextAsync("ok", cancel.Token);
        var frame = await server.ReadAsync(2 + 4 + 2, cancel.Token);

        Assert.IsType<ClientWebSocketConnection>(connection);
        Assert.Equal("hi", message.Text);
        Assert.Equal(0x81, frame[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_Accepted_SendsMaskedFrames(bool eventLoop)
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop);
        using var cancel = new CancellationTokenSource(Bound);

        using var connection = await transport.ConnectAsync(ScriptedServer.RequestFor(server.Url), cancel.Token);
        await connection.SendTextAsync("ping", cancel.Token);
        var frame = await server.ReadAsync(2 + 4 + 4, cancel.Token);

        Assert.Equal(0x81, frame[0]);
        Assert.Equal(0x80 | 4, frame[1]);
        var unmasked = Enumerable.Range(0, 4).Select(i => (byte)(frame[6 + i] ^ frame[2 + (i % 4)])).ToArray();
        Assert.Equal("ping", Encoding.UTF8.GetString(unmasked));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HasPendingInput_IsTrueWhileAFrameWaitsUnread_AndFalseOnceReceivedOrDisposed(bool eventLoop)
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop);
        using var cancel = new CancellationTokenSource(Bound);
        var connection = await transport.ConnectAsync(ScriptedServer.RequestFor(server.Url), cancel.Token);
        await server.ReadAsync(0, cancel.Token);
        Assert.False(connection.HasPendingInput);

        await server.WriteAsync([0x81, 0x02, (byte)'h', (byte)'i'], cancel.Token);

        // Loopback hands the bytes over within the server's write; the bound only keeps a broken stack from hanging the test.
        Assert.True(SpinWait.SpinUntil(() => connection.HasPendingInput, Bound));
        var message = await connection.ReceiveAsync(1024, cancel.Token);
        Assert.Equal("hi", message.Text);
        Assert.False(connection.HasPendingInput);

        connection.Dispose();
        Assert.False(connection.HasPendingInput);
    }

    [Fact]
    public async Task ReadinessWait_PendsWhileTheReaderHoldsNothing_AndNeverWhileItHoldsAFrame()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key));
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop: false);
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await transport.ConnectAsync(ScriptedServer.RequestFor(server.Url), cancel.Token);
        var readiness = Assert.IsAssignableFrom<IReadinessSource>(connection);
        await server.ReadAsync(0, cancel.Token);

        var quiet = readiness.WaitUntilReadableAsync();
        Assert.False(quiet.IsCompleted);

        // Two messages in one write: the reader takes both off the socket with the first receive.
        await server.WriteAsync([0x81, 0x01, (byte)'a', 0x81, 0x01, (byte)'b'], cancel.Token);
        await quiet.AsTask().WaitAsync(cancel.Token);
        Assert.Equal("a", (await connection.ReceiveAsync(1024, cancel.Token)).Text);

        Assert.True(readiness.WaitUntilReadableAsync().IsCompleted);
        Assert.Equal("b", (await connection.ReceiveAsync(1024, cancel.Token)).Text);
        Assert.False(readiness.WaitUntilReadableAsync().IsCompleted);
    }

    [Fact]
    public async Task FrameThatCameWithThe101_IsReceivedWithoutWaitingForTheSocket()
    {
        await using var server = ScriptedServer.Start(key => ScriptedServer.Accept(key) + "\x81\x05hello");
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop: false);
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await transport.ConnectAsync(ScriptedServer.RequestFor(server.Url), cancel.Token);

        Assert.True(((IReadinessSource)connection).WaitUntilReadableAsync().IsCompleted);
        Assert.Equal("hello", (await connection.ReceiveAsync(1024, cancel.Token)).Text);
    }

    [Theory]
    [InlineData("bad-accept", "Sec-WebSocket-Accept does not match", false)]
    [InlineData("bad-accept", "Sec-WebSocket-Accept does not match", true)]
    [InlineData("404", "status code 404", false)]
    [InlineData("404", "status code 404", true)]
    [InlineData("unoffered-subprotocol", "which was not offered", false)]
    [InlineData("unoffered-subprotocol", "which was not offered", true)]
    [InlineData("closed", "closed the connection during the handshake", false)]
    [InlineData("closed", "closed the connection during the handshake", true)]
    public async Task Connect_NotAccepted_FailsSayingWhy(string answer, string expected, bool eventLoop)
    {
        await using var server = ScriptedServer.Start(key => answer switch
        {
            "bad-accept" => "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: x3JJHMbDL1EzLkh9GBhXDw==\r\n\r\n",
            "404" => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
            "unoffered-subprotocol" => ScriptedServer.Accept(key, "Sec-WebSocket-Protocol: other"),
            _ => null,
        });
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop);
        using var cancel = new CancellationTokenSource(Bound);

        var error = await Assert.ThrowsAsync<WebSocketException>(() => transport.ConnectAsync(ScriptedServer.RequestFor(server.Url, ["v1"]), cancel.Token));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_Refused_FailsWithASocketError(bool eventLoop)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop);
        using var cancel = new CancellationTokenSource(Bound);

        var error = await Assert.ThrowsAsync<SocketException>(() => transport.ConnectAsync(ScriptedServer.RequestFor(new Uri($"ws://127.0.0.1:{port}/")), cancel.Token));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_ServerNeverAnswers_EndsWhenCancelled(bool eventLoop)
    {
        await using var server = ScriptedServer.Start(_ => null, holdOpen: true);
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop);
        using var cancel = new CancellationTokenSource(Bound);

        var connecting = transport.ConnectAsync(ScriptedServer.RequestFor(server.Url), cancel.Token);
        await server.Request.WaitAsync(Bound);
        Assert.False(connecting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_NotAWebSocketUrl_IsRejected(bool eventLoop)
    {
        using var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => transport.ConnectAsync(ScriptedServer.RequestFor(new Uri("http://127.0.0.1:1/")), CancellationToken.None));

        Assert.Contains("not a ws:// or wss:// URL", error.Message, StringComparison.Ordinal);
    }
}
