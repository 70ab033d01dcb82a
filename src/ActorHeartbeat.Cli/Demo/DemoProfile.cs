namespace ActorHeartbeat.Cli.Demo;

/// <summary>How a demo connection notices a dead peer.</summary>
internal enum DemoProfile
{
    /// <summary>Protocol keepalive only: ping frames, pong frames, keepalive timeout.</summary>
    Keepalive,

    /// <summary>The client's application heartbeat: JSON pings, pongs correlated by sequence.</summary>
    Json,

    /// <summary>The client answers the server's JSON pings and declares the peer dead after an idle timeout.</summary>
    Respond,
}
