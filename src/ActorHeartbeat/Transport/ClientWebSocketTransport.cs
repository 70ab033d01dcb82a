using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using ActorHeartbeat.Transport.Linux;

namespace ActorHeartbeat.Transport;

/// <summary>
/// The real transport. By default it opens a TCP socket (and TLS for <c>wss://</c>), performs the RFC 6455
/// opening handshake itself and runs the runtime's managed WebSocket over the stream
/// (<see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>: the same implementation
/// <see cref="ClientWebSocket"/> uses inside), which costs about 9 KiB less per open connection than
/// <see cref="ClientWebSocket"/> over <see cref="SocketsHttpHandler"/> (no HTTP connection object and its
/// buffers stay behind the upgraded stream). With <c>useHttpHandler: true</c> it uses
/// <see cref="ClientWebSocket"/> over one <see cref="SocketsHttpHandler"/> shared by every connection
/// instead (proxies and the handler's settings apply there). Protocol keepalive uses the runtime's
/// PING/PONG with a keepalive timeout (.NET 9+), which aborts a connection whose pong is overdue.
/// </summary>
public sealed class ClientWebSocketTransport : IWebSocketTransport, IDisposable
{
    private const int ReadChunk = 1024;
    private readonly HttpMessageInvoker? _invoker;
    private readonly bool _eventLoop;
    private readonly Func<SocketEventLoop?> _loop;
    private readonly RemoteCertificateValidationCallback? _serverCertificate;

    /// <summary>Creates the transport with its own handshake over sockets.</summary>
    public ClientWebSocketTransport()
        : this(useHttpHandler: false)
    {
    }

    /// <summary>Creates the transport; <paramref name="useHttpHandler"/> picks <see cref="ClientWebSocket"/> over a shared <see cref="SocketsHttpHandler"/>.</summary>
    /// <param name="useHttpHandler">True for <see cref="ClientWebSocket"/>; false (the default) for the leaner own handshake.</param>
    public ClientWebSocketTransport(bool useHttpHandler)
        : this(useHttpHandler, eventLoop: !useHttpHandler)
    {
    }

    /// <summary>
    /// Creates the transport, choosing whether plain <c>ws://</c> connections go through the socket event
    /// loop (tests compare both paths); <paramref name="loop"/> gives the loop, null when it is not
    /// available (default: <see cref="SocketEventLoop.Shared"/>), and such connections then take the
    /// managed path. <paramref name="serverCertificate"/> replaces the system's validation of a
    /// <c>wss://</c> server's certificate on the own handshake (tests pin a certificate made for loopback).
    /// </summary>
    internal ClientWebSocketTransport(bool useHttpHandler, bool eventLoop, Func<SocketEventLoop?>? loop = null, RemoteCertificateValidationCallback? serverCertificate = null)
    {
        _eventLoop = eventLoop;
        _loop = loop ?? (static () => SocketEventLoop.Shared);
        _serverCertificate = serverCertificate;
        if (useHttpHandler)
        {
            var handler = new SocketsHttpHandler
            {
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                ConnectTimeout = Timeout.InfiniteTimeSpan,
            };
            _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        }
    }

    /// <inheritdoc />
    public Task<IWebSocketConnection> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_invoker is not null)
        {
            return ConnectClientWebSocketAsync(request, _invoker, cancellationToken);
        }

        return _eventLoop && request.Url.Scheme == "ws" && request.KeepAliveInterval is null && _loop() is { } loop
            ? LoopWebSocketConnection.ConnectAsync(loop, request, cancellationToken)
            : ConnectOwnAsync(request, cancellationToken);
    }

    /// <summary>Disposes the shared handler, if any (open connections keep working until closed).</summary>
    public void Dispose() => _invoker?.Dispose();

    private static async Task<IWebSocketConnection> ConnectClientWebSocketAsync(ConnectRequest request, HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            var options = socket.Options;
            options.KeepAliveInterval = request.KeepAliveInterval ?? TimeSpan.Zero;
            options.KeepAliveTimeout = request.KeepAliveTimeout ?? Timeout.InfiniteTimeSpan;
            foreach (var (name, value) in request.Headers)
            {
                options.SetRequestHeader(name, value);
            }

            foreach (var subprotocol in request.Subprotocols)
            {
                options.AddSubProtocol(subprotocol);
            }

            await socket.ConnectAsync(request.Url, invoker, cancellationToken).ConfigureAwait(false);
            return new ClientWebSocketConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IWebSocketConnection> ConnectOwnAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var secure = url.Scheme switch
        {
            "ws" => false,
            "wss" => true,
            _ => throw new ArgumentException($"The URL '{url}' is not a ws:// or wss:// URL.", nameof(request)),
        };
        var key = WebSocketHandshake.NewKey();
        var handshake = WebSocketHandshake.BuildRequest(request, key);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            if (IPAddress.TryParse(url.IdnHost, out var address))
            {
                await socket.ConnectAsync(new IPEndPoint(address, url.Port), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(url.IdnHost, url.Port, cancellationToken).ConfigureAwait(false);
            }

            stream = new NetworkStream(socket, ownsSocket: true);
            if (secure)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = url.IdnHost, RemoteCertificateValidationCallback = _serverCertificate }, cancellationToken).ConfigureAwait(false);
            }

            await stream.WriteAsync(handshake, cancellationToken).ConfigureAwait(false);
            var (subprotocol, leftover) = await ReadAnswerAsync(stream, key, request.Subprotocols, cancellationToken).ConfigureAwait(false);
            // Readiness waits need the bytes under the reader in view and the socket right under it (no TLS
            // buffering decrypted bytes); the runtime's protocol keepalive reads its pongs inside a pending
            // receive, so it keeps the plain path.
            var tracked = !secure && request.KeepAliveInterval is null;
            if (leftover is not null || tracked)
            {
                stream = new TrackedStream(stream, leftover, tracked ? new FrameBoundaryTracker() : null);
            }

            var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
            {
                IsServer = false,
                SubProtocol = subprotocol,
                KeepAliveInterval = request.KeepAliveInterval ?? TimeSpan.Zero,
                KeepAliveTimeout = request.KeepAliveTimeout ?? Timeout.InfiniteTimeSpan,
            });
            return new ClientWebSocketConnection(webSocket, socket, stream as TrackedStream);
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>Reads the response head; returns the chosen subprotocol and any bytes read past the head (the start of the first frame).</summary>
    private static async Task<(string? SubProtocol, byte[]? Leftover)> ReadAnswerAsync(Stream stream, string key, IReadOnlyList<string> offered, CancellationToken cancellationToken)
    {
        using var answer = new HandshakeAnswer();
        while (true)
        {
            var read = await stream.ReadAsync(answer.Space(ReadChunk), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the connection during the handshake.");
            }

            if (answer.Advance(read))
            {
                var subprotocol = answer.Accept(key, offered, out var leftover);
                return (subprotocol, leftover);
            }
        }
    }
}
