namespace ActorHeartbeat.Core;

/// <summary>Why a connection ended. Rendered kebab-case in event lines (<see cref="DisconnectReasons.ToKebab"/>).</summary>
public enum DisconnectReason
{
    /// <summary><c>connect-failed</c>: the handshake was refused or failed.</summary>
    ConnectFailed,

    /// <summary><c>connect-timeout</c>: the handshake did not finish within connect-timeout.</summary>
    ConnectTimeout,

    /// <summary><c>heartbeat-timeout</c>: an application ping was not answered before its deadline.</summary>
    HeartbeatTimeout,

    /// <summary><c>keepalive-timeout</c>: the protocol-level ping was not answered (the platform aborted the socket).</summary>
    KeepaliveTimeout,

    /// <summary><c>idle-timeout</c>: nothing at all arrived for idle-timeout.</summary>
    IdleTimeout,

    /// <summary><c>closed-by-peer</c>: the peer closed the connection or the TCP stream ended.</summary>
    ClosedByPeer,

    /// <summary><c>protocol-error</c>: the peer broke the WebSocket protocol.</summary>
    ProtocolError,

    /// <summary><c>message-too-big</c>: an inbound message exceeded max-message-size (closed with 1009).</summary>
    MessageTooBig,

    /// <summary><c>removed</c>: the connection was removed at runtime.</summary>
    Removed,

    /// <summary><c>shutdown</c>: the service is stopping.</summary>
    Shutdown,

    /// <summary><c>slow-consumer</c>: (server) the client did not read fast enough and its send queue filled up.</summary>
    SlowConsumer,

    /// <summary><c>disconnected-by-server</c>: (server) the application disconnected the session.</summary>
    DisconnectedByServer,
}
