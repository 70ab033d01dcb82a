using System.Net;
using System.Net.Sockets;

namespace ActorHeartbeat.TestKit;

/// <summary>
/// One client connection through a <see cref="FaultProxy"/>: the accepted client socket, the socket to
/// the target, and a <see cref="FaultProxyFlow"/> each way. It ends either cleanly (both sides closed
/// their sending half and each end was passed on) or by a reset of both sides.
/// </summary>
internal sealed class FaultProxyConnection
{
    private readonly FaultProxy _proxy;
    private readonly Socket _client;
    private readonly Socket _server;
    private readonly CancellationTokenSource _cancellation;
    private int _ended;

    public FaultProxyConnection(FaultProxy proxy, Socket client, AddressFamily family, CancellationToken proxyStopping)
    {
        _proxy = proxy;
        _client = client;
        _server = new Socket(family, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(proxyStopping);
    }

    /// <summary>Set by the proxy, under its lock, once the target connection is up.</summary>
    internal bool Opened { get; set; }

    /// <summary>Set by the proxy, under its lock, when the connection ended.</summary>
    internal bool Closed { get; set; }

    public async Task RunAsync(IPEndPoint target)
    {
        var cancellationToken = _cancellation.Token;
        try
        {
            try
            {
                await _server.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The target is down (or the proxy is resetting): the client sees its connection reset.
                Reset();
                return;
            }

            if (!_proxy.OnOpened(this))
            {
                return;
            }

            var clean = false;
            try
            {
                var up = new FaultProxyFlow(_proxy, FaultDirection.ClientToServer, _client, _server, Reset);
                var down = new FaultProxyFlow(_proxy, FaultDirection.ServerToClient, _server, _client, Reset);
                var results = await Task.WhenAll(up.RunAsync(cancellationToken), down.RunAsync(cancellationToken)).ConfigureAwait(false);
                clean = results[0] && results[1];
            }
            finally
            {
                End(abortive: !clean);
            }
        }
        finally
        {
            _cancellation.Dispose();
        }
    }

    /// <summary>Sends RST to both sides at once and stops both flows; idempotent.</summary>
    public void Reset() => End(abortive: true);

    private void End(bool abortive)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _proxy.OnClosed(this);
        CloseSocket(_client, abortive);
        CloseSocket(_server, abortive);
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // RunAsync already finished (both flows ended on their own while this call closed the sockets).
        }
    }

    /// <summary>Closes a socket; abortive sends RST instead of FIN.</summary>
    internal static void CloseSocket(Socket socket, bool abortive)
    {
        if (abortive)
        {
            try
            {
                // Linger on with a zero timeout turns close into an abortive close: RST, not FIN.
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already gone; closing below is all that is left to do.
            }
        }

        socket.Dispose();
    }
}
