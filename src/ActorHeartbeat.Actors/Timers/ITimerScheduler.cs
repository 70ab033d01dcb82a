namespace ActorHeartbeat.Actors.Timers;

/// <summary>
/// Keyed timers owned by one actor (Akka.NET's <c>ITimerScheduler</c> semantics). A timer sends its
/// message to the actor itself (the sender is none). Starting a timer under a key that is active
/// replaces it; after <see cref="Cancel"/> or a replacement the old timer's message is never
/// delivered, even if it was already enqueued. All timers are cancelled when the actor stops or
/// restarts. Time is read through the system's <see cref="TimeProvider"/>. Use only from inside the
/// owning actor.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="timeout"/> (zero: as soon as possible).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="timeout"/> is negative or longer than the platform's timer limit (about 49 days).</exception>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>, first after one interval.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="interval"/> is not positive or too long.</exception>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/> (fixed rate).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="initialDelay"/> is negative or <paramref name="interval"/> not positive.</exception>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>
    /// Like <see cref="StartPeriodicTimer(object, object, TimeSpan, TimeSpan)"/>, but the first message is
    /// sent at the earliest instant at or after <paramref name="initialDelay"/> that is a whole multiple
    /// of <paramref name="grid"/> on the system clock's timestamps (so less than one grid step later than
    /// asked); the rate is fixed from there. Periodic timers of many actors on the same grid then fall due
    /// at the same instants and share one wake-up of the timer queue, instead of each waking it in its own
    /// tick. With an <paramref name="interval"/> that is a whole multiple of the grid they stay on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="initialDelay"/> is negative, or <paramref name="interval"/> or <paramref name="grid"/> not positive.</exception>
    void StartAlignedPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval, TimeSpan grid);

    /// <summary>True while the timer under <paramref name="key"/> may still deliver (a single timer stops being active once its message is handled).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer under <paramref name="key"/>; no effect when there is none.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
