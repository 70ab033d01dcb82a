namespace ActorHeartbeat.Core;

/// <summary>How a reconnect delay is randomised (HOCON <c>backoff.jitter</c>).</summary>
public enum JitterMode
{
    /// <summary><c>random-factor</c>: a delay d becomes uniform in [d, d·(1+random-factor)], never above max.</summary>
    RandomFactor,

    /// <summary><c>full</c>: a delay d becomes uniform in [0, d], never below 1 ms.</summary>
    Full,
}
