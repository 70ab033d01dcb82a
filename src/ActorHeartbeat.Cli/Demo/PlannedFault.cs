namespace ActorHeartbeat.Cli.Demo;

/// <summary>One fault of the schedule.</summary>
/// <param name="Id">1-based number in schedule order.</param>
/// <param name="At">When to inject it, counted from the start of the run.</param>
/// <param name="Connection">Index of the connection it hits.</param>
/// <param name="Kind">What to do to it.</param>
internal sealed record PlannedFault(int Id, TimeSpan At, int Connection, FaultKind Kind);
