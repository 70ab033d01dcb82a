using System.Net;
using System.Net.Http;
using System.Net.WebSockets;

namespace ActorHeartbeat.Transport;

/// <summary>
/// The real transport: <see cref="ClientWebSocket"/> over one <see cref="SocketsHttpHandler"/> shared by
/// every connection (not one handler per socket). Protocol keepalive uses the runtime's PING/PONG with
/// <see cref="ClientWebSocketOptions.KeepAliveTimeout"/> (.NET 9+), which aborts a connection whose
/// pong is overdue.
/// </summary>
public sealed class ClientWebSocketTransport : IWebSocketTransport, IDisposable
{
    private readonly HttpMessageInvoker _invoker;

    /// <summary>Creates the transport and its shared handler.</summary>
    public ClientWebSocketTransport()
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

    /// <inheritdoc />
    public async Task<IWebSocketConnection> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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

            await socket.ConnectAsync(request.Url, _invoker, cancellationToken).ConfigureAwait(false);
            return new ClientWebSocketConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the shared handler (open connections keep working until closed).</summary>
    public void Dispose() => _invoker.Dispose();
}
