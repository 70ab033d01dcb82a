using System.Net.WebSockets;

namespace ActorHeartbeat.Transport;

/// <summary>
/// One open WebSocket, as the connection actor sees it. At most one receive and one send may be
/// pending at a time (the WebSocket rule); the actor keeps to that.
/// </summary>
public interface IWebSocketConnection : IDisposable
{
    /// <summary>The subprotocol the server chose, or null.</summary>
    string? SubProtocol { get; }

    /// <summary>
    /// Waits for the next complete message. While waiting it holds no receive buffer (a zero-byte read
    /// waits for data). A message longer than <paramref name="maxMessageSize"/> bytes is drained and
    /// reported as <see cref="InboundKind.TooBig"/>.
    /// </summary>
    /// <exception cref="WebSocketException">The connection failed (see <see cref="TransportErrors.Classify"/>).</exception>
    ValueTask<InboundMessage> ReceiveAsync(int maxMessageSize, CancellationToken cancellationToken);

    /// <summary>
    /// True when bytes from the peer have arrived that no receive has delivered yet: waiting in the
    /// operating system's socket buffer, read and decoded but not yet asked for (the event loop reads
    /// ahead), or queued in an in-memory peer. The heartbeat asks this before
    /// it declares a peer dead, so that an answer held up by a starved process is not taken for
    /// silence. A snapshot; false where the connection cannot tell (the default), which never delays a
    /// verdict.
    /// </summary>
    bool HasPendingInput => false;

    /// <summary>Sends one text message.</summary>
    ValueTask SendTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>Sends one binary message.</summary>
    ValueTask SendBinaryAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Performs the close handshake (send close, wait for the peer's); the caller bounds it with the token.</summary>
    Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken);

    /// <summary>Tears the connection down at once; pending operations fail.</summary>
    void Abort();
}
