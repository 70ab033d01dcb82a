using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>The default transport's own handshake against a scripted TCP server on loopback.</summary>
public sealed class ClientWebSocketTransportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Connect_Accepted_SendsHeadersAndSubprotocols_AndReadsAFrameThatCameWithThe101()
    {
        await using var server = ScriptedServer.Start(key =>
            Accept(key, "Sec-WebSocket-Protocol: v1") + "\x81\x05hello");
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);

        using var connection = await transport.ConnectAsync(Request(server.Url, ["v2", "v1"], new Dictionary<string, string> { ["X-Token"] = "t0k" }), cancel.Token);
        var message = await connection.ReceiveAsync(1024, cancel.Token);

        Assert.Equal("v1", connection.SubProtocol);
        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("hello", message.Text);
        var request = await server.Request;
        Assert.Contains("\r\nSec-WebSocket-Protocol: v2, v1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Token: t0k\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_Accepted_SendsMaskedFrames()
    {
        await using var server = ScriptedServer.Start(key => Accept(key));
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);

        using var connection = await transport.ConnectAsync(Request(server.Url), cancel.Token);
        await connection.SendTextAsync("ping", cancel.Token);
        var frame = await server.ReadAsync(2 + 4 + 4, cancel.Token);

        Assert.Equal(0x81, frame[0]);
        Assert.Equal(0x80 | 4, frame[1]);
        var unmasked = Enumerable.Range(0, 4).Select(i => (byte)(frame[6 + i] ^ frame[2 + (i % 4)])).ToArray();
        Assert.Equal("ping", Encoding.UTF8.GetString(unmasked));
    }

    [Fact]
    public async Task HasPendingInput_IsTrueWhileAFrameWaitsUnread_AndFalseOnceReceivedOrDisposed()
    {
        await using var server = ScriptedServer.Start(key => Accept(key));
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);
        var connection = await transport.ConnectAsync(Request(server.Url), cancel.Token);
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
        await using var server = ScriptedServer.Start(key => Accept(key));
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await transport.ConnectAsync(Request(server.Url), cancel.Token);
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
        await using var server = ScriptedServer.Start(key => Accept(key) + "\x81\x05hello");
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);
        using var connection = await transport.ConnectAsync(Request(server.Url), cancel.Token);

        Assert.True(((IReadinessSource)connection).WaitUntilReadableAsync().IsCompleted);
        Assert.Equal("hello", (await connection.ReceiveAsync(1024, cancel.Token)).Text);
    }

    [Theory]
    [InlineData("bad-accept", "Sec-WebSocket-Accept does not match")]
    [InlineData("404", "status code 404")]
    [InlineData("unoffered-subprotocol", "which was not offered")]
    [InlineData("closed", "closed the connection during the handshake")]
    public async Task Connect_NotAccepted_FailsSayingWhy(string answer, string expected)
    {
        await using var server = ScriptedServer.Start(key => answer switch
        {
            "bad-accept" => "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: x3JJHMbDL1EzLkh9GBhXDw==\r\n\r\n",
            "404" => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
            "unoffered-subprotocol" => Accept(key, "Sec-WebSocket-Protocol: other"),
            _ => null,
        });
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);

        var error = await Assert.ThrowsAsync<WebSocketException>(() => transport.ConnectAsync(Request(server.Url, ["v1"]), cancel.Token));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_Refused_FailsWithASocketError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);

        var error = await Assert.ThrowsAsync<SocketException>(() => transport.ConnectAsync(Request(new Uri($"ws://127.0.0.1:{port}/")), cancel.Token));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task Connect_ServerNeverAnswers_EndsWhenCancelled()
    {
        await using var server = ScriptedServer.Start(_ => null, holdOpen: true);
        using var transport = new ClientWebSocketTransport();
        using var cancel = new CancellationTokenSource(Bound);

        var connecting = transport.ConnectAsync(Request(server.Url), cancel.Token);
        await server.Request.WaitAsync(Bound);
        Assert.False(connecting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
    }

    [Fact]
    public async Task Connect_NotAWebSocketUrl_IsRejected()
    {
        using var transport = new ClientWebSocketTransport();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => transport.ConnectAsync(Request(new Uri("http://127.0.0.1:1/")), CancellationToken.None));

        Assert.Contains("not a ws:// or wss:// URL", error.Message, StringComparison.Ordinal);
    }

    private static string Accept(string key, string? extra = null) =>
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Accept: {WebSocketHandshake.AcceptFor(key)}\r\n" + (extra is null ? string.Empty : extra + "\r\n") + "\r\n";

    private static ConnectRequest Request(Uri url, string[]? subprotocols = null, Dictionary<string, string>? headers = null) =>
        new(url, headers ?? [], subprotocols ?? [], null, null);

    /// <summary>Accepts one connection, reads the request head, writes the scripted answer (null: close, or hold open).</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly TaskCompletionSource<string> _request = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<NetworkStream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _serving;
        private TcpClient? _client;

        private ScriptedServer(Func<string, string?> answer, bool holdOpen)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Url = new Uri($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/path");
            _serving = ServeAsync(answer, holdOpen);
        }

        public Uri Url { get; }

        public Task<string> Request => _request.Task;

        public static ScriptedServer Start(Func<string, string?> answer, bool holdOpen = false) => new(answer, holdOpen);

        public async Task<byte[]> ReadAsync(int count, CancellationToken cancellationToken)
        {
            var stream = await _stream.Task.WaitAsync(cancellationToken);
            var bytes = new byte[count];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }

        public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
        {
            var stream = await _stream.Task.WaitAsync(cancellationToken);
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _client?.Dispose();
            await _serving.WaitAsync(Bound).ConfigureAwait(false);
        }

        private async Task ServeAsync(Func<string, string?> answer, bool holdOpen)
        {
            try
            {
                _client = await _listener.AcceptTcpClientAsync();
                var stream = _client.GetStream();
                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
                {
                    head.Append((char)one[0]);
                }

                var text = head.ToString();
                var key = text.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key: ", StringComparison.Ordinal))[19..];
                if (answer(key) is { } reply)
                {
                    await stream.WriteAsync(Encoding.Latin1.GetBytes(reply));
                    _stream.TrySetResult(stream);
                }
                else if (!holdOpen)
                {
                    _client.Client.Shutdown(SocketShutdown.Both);
                }

                _request.TrySetResult(text);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
            {
                _request.TrySetException(e);
            }
        }
    }
}
