namespace ActorHeartbeat.Core;

/// <summary>Renderings of <see cref="DisconnectReason"/>.</summary>
public static class DisconnectReasons
{
    /// <summary>The kebab-case name used in event lines and metrics, e.g. <c>heartbeat-timeout</c>.</summary>
    public static string ToKebab(this DisconnectReason reason) => reason switch
    {
        DisconnectReason.ConnectFailed => "connect-failed",
        DisconnectReason.ConnectTimeout => "connect-timeout",
        DisconnectReason.HeartbeatTimeout => "heartbeat-timeout",
        DisconnectReason.KeepaliveTimeout => "keepalive-timeout",
        DisconnectReason.IdleTimeout => "idle-timeout",
        DisconnectReason.ClosedByPeer => "closed-by-peer",
        DisconnectReason.ProtocolError => "protocol-error",
        DisconnectReason.MessageTooBig => "message-too-big",
        DisconnectReason.Removed => "removed",
        DisconnectReason.Shutdown => "shutdown",
        DisconnectReason.SlowConsumer => "slow-consumer",
        DisconnectReason.DisconnectedByServer => "disconnected-by-server",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown disconnect reason."),
    };
}
