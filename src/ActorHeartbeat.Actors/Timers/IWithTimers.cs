namespace ActorHeartbeat.Actors.Timers;

/// <summary>
/// Implemented by an actor that uses keyed timers. The actor cell sets <see cref="Timers"/> right after
/// the constructor returns, so timers can be started from <c>PreStart</c> on.
/// </summary>
public interface IWithTimers
{
    /// <summary>The actor's timer scheduler; set by the actor cell.</summary>
    ITimerScheduler Timers { get; set; }
}
