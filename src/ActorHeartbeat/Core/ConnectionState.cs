namespace ActorHeartbeat.Core;

/// <summary>Where a connection is in its lifecycle.</summary>
public enum ConnectionState
{
    /// <summary>A connection attempt is under way.</summary>
    Connecting,

    /// <summary>Connected and answering.</summary>
    Up,

    /// <summary>Failed; the reason is recorded. A reconnect will be scheduled unless it gave up.</summary>
    Down,

    /// <summary>Waiting for the backoff delay before the next attempt.</summary>
    BackingOff,

    /// <summary>Stopped trying after max-retries failed reconnects.</summary>
    GaveUp,
}
