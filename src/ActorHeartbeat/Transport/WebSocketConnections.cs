using System.Net.WebSockets;

namespace ActorHeartbeat.Transport;

/// <summary>Puts any open <see cref="WebSocket"/> behind <see cref="IWebSocketConnection"/>.</summary>
public static class WebSocketConnections
{
    /// <summary>
    /// Wraps <paramref name="socket"/> — a client socket or one accepted by a server — in the connection
    /// the actors use (zero-byte reads while idle, strict UTF-8 for text, the size limit per message).
    /// The connection owns the socket: disposing it disposes the socket.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="socket"/> is null.</exception>
    public static IWebSocketConnection Wrap(WebSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return new ClientWebSocketConnection(socket);
    }
}
