namespace ActorHeartbeat.Registry;

/// <summary>The <c>event</c> of an event line.</summary>
public enum ConnectionEventKind
{
    /// <summary><c>connecting</c>: an attempt started.</summary>
    Connecting,

    /// <summary><c>up</c>: the connection is up.</summary>
    Up,

    /// <summary><c>down</c>: the connection failed or closed; <c>reason</c> says why.</summary>
    Down,

    /// <summary><c>backoff</c>: the next attempt waits <c>delayMs</c>.</summary>
    Backoff,

    /// <summary><c>gave-up</c>: no further attempts (max-retries).</summary>
    GaveUp,

    /// <summary><c>removed</c>: the connection was removed.</summary>
    Removed,
}
