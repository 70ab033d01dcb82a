using System.Net.Sockets;
using System.Net.WebSockets;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Transport;

/// <summary>Maps transport exceptions to disconnect reasons.</summary>
public static class TransportErrors
{
    /// <summary>The reason a failure of an open connection stands for.</summary>
    public static DisconnectReason Classify(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (IsKeepAliveTimeout(error))
        {
            return DisconnectReason.KeepaliveTimeout;
        }

        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case WebSocketException { WebSocketErrorCode: WebSocketError.ConnectionClosedPrematurely }:
                case IOException:
                case SocketException:
                case ObjectDisposedException:
                    return DisconnectReason.ClosedByPeer;
                case WebSocketException { WebSocketErrorCode: WebSocketError.InvalidMessageType or WebSocketError.HeaderError or WebSocketError.UnsupportedProtocol or WebSocketError.UnsupportedVersion or WebSocketError.NotAWebSocket }:
                    return DisconnectReason.ProtocolError;
            }
        }

        return error is WebSocketException ? DisconnectReason.ClosedByPeer : DisconnectReason.ProtocolError;
    }

    /// <summary>A short description for logs and events: the exception types and messages, no secrets.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var innermost = error;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, error)
            ? $"{error.GetType().Name}: {error.Message}"
            : $"{error.GetType().Name}: {error.Message} ({innermost.GetType().Name}: {innermost.Message})";
    }

    // .NET 9+ aborts the socket when a keepalive pong is overdue; the pending operation then fails
    // with a WebSocketException that carries a TimeoutException or says so.
    private static bool IsKeepAliveTimeout(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException || e.Message.Contains("KeepAlive", StringComparison.OrdinalIgnoreCase) ||
                e.Message.Contains("Keep-Alive", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
