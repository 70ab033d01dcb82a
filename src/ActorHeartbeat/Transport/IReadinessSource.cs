namespace ActorHeartbeat.Transport;

/// <summary>
/// A connection that can wait for the peer's next bytes without starting a receive. A receive that
/// waits keeps its state (the protocol reader's and ours) alive for as long as the peer is quiet — a
/// second per heartbeat, promoted by the collector and dying old; waiting for readability first costs
/// no object at all, and the receive that follows completes at once.
/// </summary>
internal interface IReadinessSource
{
    /// <summary>
    /// Completes when bytes can be read without waiting, or at once when the connection cannot tell
    /// (the reader may already hold a frame, or the socket sits under TLS); faults when the socket
    /// fails. The result carries no meaning. At most one wait and no receive may be pending.
    /// </summary>
    ValueTask<int> WaitUntilReadableAsync();
}
