namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// The clock of a demo run. Heartbeats are short (1 s + 1 s) so that a fault is detected within
/// seconds; the gaps leave every fault time to be detected, healed and recovered before the end.
/// </summary>
internal sealed record DemoTimings
{
    /// <summary>Heartbeat and keepalive interval of every connection, and of the server's pings.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pong deadline (application heartbeat) and keepalive timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Idle timeout of the respond profile, which only hears the server's pings.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Time before the first fault, for every connection to come up.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Time between two faults.</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Time kept free of new faults at the end, for the last one to be detected and recovered.</summary>
    public TimeSpan Tail { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Least time between two faults on the same connection.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a refused-connects fault keeps refusing after it was detected.</summary>
    public TimeSpan RefuseHold { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How late a slow peer's bytes arrive (more than any deadline of the demo).</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>A fault still undetected this long after its bound is healed anyway (and counted undetected).</summary>
    public TimeSpan GiveUpAfterBound { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>At the end, how long to wait for connections still reconnecting.</summary>
    public TimeSpan RecoveryGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest time a connection of <paramref name="profile"/> may take to notice a dead peer.</summary>
    /// <remarks>
    /// .NET's protocol keepalive checks its ping and pong times on a timer that ticks every quarter of
    /// min(interval, timeout), so both the ping and the timeout verdict can come up to one tick late:
    /// its bound is interval + timeout + min(interval, timeout) / 2. Our own heartbeat runs on exact
    /// timers, and the idle timeout is a single deadline.
    /// </remarks>
    public TimeSpan Bound(DemoProfile profile) => profile switch
    {
        DemoProfile.Respond => IdleTimeout,
        DemoProfile.Keepalive => Interval + Timeout + (Interval < Timeout ? Interval : Timeout) / 2,
        _ => Interval + Timeout,
    };

    /// <summary>The shortest duration that fits one fault.</summary>
    public TimeSpan MinimumDuration => Warmup + Tail;
}
