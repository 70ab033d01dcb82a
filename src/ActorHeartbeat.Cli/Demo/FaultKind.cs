namespace ActorHeartbeat.Cli.Demo;

/// <summary>The faults the demo injects, one kind at a time per connection.</summary>
internal enum FaultKind
{
    /// <summary>The peer stops answering while TCP stays open (the proxy freezes both directions).</summary>
    FrozenPeer,

    /// <summary>The TCP connection is reset under the client (RST on both sides).</summary>
    DroppedTcp,

    /// <summary>The connection is reset and new connects are refused for a while.</summary>
    RefusedConnects,

    /// <summary>Everything the server sends arrives later than the pong deadline.</summary>
    SlowPongs,

    /// <summary>The server closes the session with a close frame.</summary>
    PeerClose,
}
