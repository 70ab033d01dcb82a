namespace ActorHeartbeat.Actors;

/// <summary>A scheduled action that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once <see cref="Cancel"/> was called (or the system terminated).</summary>
    bool IsCancellationRequested { get; }

    /// <summary>
    /// Cancels: no delivery starts after this returns. A delivery already under way on another thread
    /// may still complete; for exact "never after cancel" semantics use an actor's keyed timers.
    /// </summary>
    void Cancel();
}
