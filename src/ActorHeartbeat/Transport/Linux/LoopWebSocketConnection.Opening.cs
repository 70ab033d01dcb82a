using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace ActorHeartbeat.Transport.Linux;

/// <summary>Opening: a non-blocking TCP connect and the RFC 6455 handshake, both driven by the loop.</summary>
internal sealed partial class LoopWebSocketConnection
{
    private TaskCompletionSource? _opening;
    private byte[]? _request;
    private string? _key;
    private IReadOnlyList<string> _offered = [];
    private HandshakeAnswer? _answer;

    /// <summary>
    /// Connects to <paramref name="request"/>'s <c>ws://</c> URL through <paramref name="loop"/>: resolves
    /// the host (a literal address is used as it is), tries its addresses in order until one accepts the
    /// TCP connection, then performs the opening handshake. Cancellation aborts the attempt.
    /// </summary>
    /// <exception cref="SocketException">No address accepted the connection.</exception>
    /// <exception cref="WebSocketException">The server's answer is not a valid WebSocket acceptance.</exception>
    public static async Task<IWebSocketConnection> ConnectAsync(SocketEventLoop loop, ConnectRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var key = WebSocketHandshake.NewKey();
        var handshake = WebSocketHandshake.BuildRequest(request, key);
        var addresses = IPAddress.TryParse(url.IdnHost, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken).ConfigureAwait(false);
        SocketException? refused = null;
        foreach (var address in addresses)
        {
            var connection = new LoopWebSocketConnection(loop, new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false }, request.MaxMessageSize ?? int.MaxValue);
            try
            {
                await connection.OpenAsync(new IPEndPoint(address, url.Port), handshake, key, request.Subprotocols, cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch (SocketException e) when (!cancellationToken.IsCancellationRequested)
            {
                connection.Abort();
                refused = e;
            }
            catch
            {
                connection.Abort();
                throw;
            }
        }

        throw refused ?? new SocketException((int)SocketError.HostNotFound);
    }

    private async Task OpenAsync(IPEndPoint endpoint, byte[] request, string key, IReadOnlyList<string> offered, CancellationToken cancellationToken)
    {
        var opening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _opening = opening;
            _request = request;
            _key = key;
            _offered = offered;
            try
            {
                _socket.Connect(endpoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                // Connecting in the background: the loop reports writability when it is done.
            }

            // Writability reports the end of the connect, and right away if it already succeeded.
            _phase = Phase.Connecting;
            _interest = Epoll.Out;
            _registration = _loop.Register(_fd, this, _interest);
            _registered = true;
        }

        using (cancellationToken.UnsafeRegister(static (state, token) => ((LoopWebSocketConnection)state!).CancelOpening(token), this))
        {
            await opening.Task.ConfigureAwait(false);
        }
    }

    private void CancelOpening(CancellationToken token)
    {
        lock (_lock)
        {
            if (_phase is Phase.Connecting or Phase.Handshaking)
            {
                _opening?.TrySetCanceled(token);
            }
        }

        // The caller aborts the connection once the canceled open reaches it.
    }

    private void FinishConnectLocked()
    {
        var error = (SocketError)(int)_socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (error != SocketError.Success)
        {
            EndLocked(new SocketException((int)error));
            return;
        }

        _phase = Phase.Handshaking;
        var request = _request!;
        _request = null;
        WriteLocked(request, FrameRole.Control);
        UpdateInterest();
    }

    /// <summary>
    /// Collects the server's answer; once its head is complete, checks it, opens the connection and
    /// returns the bytes after the head (the start of the first frames). Empty while the head is incomplete.
    /// </summary>
    private ReadOnlySpan<byte> TakeHandshakeAnswerLocked(ReadOnlySpan<byte> bytes)
    {
        var answer = _answer ??= new HandshakeAnswer();
        byte[]? leftover;
        try
        {
            bytes.CopyTo(answer.Space(bytes.Length).Span);
            if (!answer.Advance(bytes.Length))
            {
                return default;
            }

            SubProtocol = answer.Accept(_key!, _offered, out leftover);
        }
        catch (WebSocketException e)
        {
            EndLocked(e);
            ReleaseHandshakeBufferLocked();
            return default;
        }

        _phase = Phase.Open;
        _opening!.TrySetResult();
        ReleaseHandshakeBufferLocked();
        return leftover;
    }

    private void ReleaseHandshakeBufferLocked()
    {
        _answer?.Dispose();
        _answer = null;
    }
}
