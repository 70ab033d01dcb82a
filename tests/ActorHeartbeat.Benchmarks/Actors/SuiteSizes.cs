namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// How big each scenario is. <see cref="Full"/> holds the issue's sizes; <see cref="Quick"/> scales down
/// only what is needed to finish the whole suite in under two minutes (described by <see cref="Describe"/>).
/// </summary>
internal sealed record SuiteSizes
{
    public required bool IsQuick { get; init; }

    /// <summary>Alternating rounds per scenario (each round measures ours and the baseline once).</summary>
    public required int Rounds { get; init; }

    /// <summary>Ping-pong (a)/(b): time every pair runs before the counting window opens.</summary>
    public required TimeSpan PingPongWarmup { get; init; }

    /// <summary>Ping-pong (a)/(b): the counting window.</summary>
    public required TimeSpan PingPongWindow { get; init; }

    /// <summary>Fan-out (c): receiving actors.</summary>
    public int FanOutActors { get; init; } = 10_000;

    /// <summary>Fan-out (c): messages per measurement (a multiple of <see cref="FanOutActors"/>).</summary>
    public long FanOutMessages { get; init; } = 10_000_000;

    /// <summary>Idle actors (d): actors spawned per measurement.</summary>
    public required int IdleActors { get; init; }

    /// <summary>Timers (e): actors, each with one periodic timer.</summary>
    public int TimerActors { get; init; } = 100_000;

    /// <summary>Timers (e): the timer period.</summary>
    public TimeSpan TimerPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Timers (e): time after the last spawn before the CPU window opens.</summary>
    public required TimeSpan TimerSettle { get; init; }

    /// <summary>Timers (e): the CPU window.</summary>
    public required TimeSpan TimerWindow { get; init; }

    /// <summary>The fewest ticks every actor must receive inside the window: one period fewer than fit in it.</summary>
    public int MinimumTicks => (int)(TimerWindow / TimerPeriod) - 1;

    public static SuiteSizes Full { get; } = new()
    {
        IsQuick = false,
        Rounds = 5,
        PingPongWarmup = TimeSpan.FromSeconds(0.5),
        PingPongWindow = TimeSpan.FromSeconds(2),
        IdleActors = 1_000_000,
        TimerSettle = TimeSpan.FromSeconds(2),
        TimerWindow = TimeSpan.FromSeconds(20),
    };

    public static SuiteSizes Quick { get; } = new()
    {
        IsQuick = true,
        Rounds = 3,
        PingPongWarmup = TimeSpan.FromSeconds(0.25),
        PingPongWindow = TimeSpan.FromSeconds(0.75),
        IdleActors = 200_000,
        TimerSettle = TimeSpan.FromSeconds(1),
        TimerWindow = TimeSpan.FromSeconds(8),
    };

    public string Describe() =>
        $"{(IsQuick ? "quick" : "full")} mode, {Rounds} alternating rounds; " +
        $"(a)/(b) {PingPongWindow.TotalSeconds:0.##} s window after {PingPongWarmup.TotalSeconds:0.##} s warm-up; " +
        $"(c) {FanOutMessages:N0} messages over {FanOutActors:N0} actors; " +
        $"(d) {IdleActors:N0} actors{(IsQuick ? " (issue: 1,000,000)" : string.Empty)}; " +
        $"(e) {TimerActors:N0} actors, {TimerPeriod.TotalSeconds:0.##} s period, " +
        $"{TimerWindow.TotalSeconds:0.##} s window{(IsQuick ? " (issue: 20 s)" : string.Empty)}";
}
