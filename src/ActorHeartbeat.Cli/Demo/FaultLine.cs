namespace ActorHeartbeat.Cli.Demo;

/// <summary>One line of the demo's output about a fault.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Connection">The connection id.</param>
/// <param name="Fault">The fault.</param>
/// <param name="Kind">Injected, healed or skipped.</param>
/// <param name="Detail">Why it was skipped, or null.</param>
internal sealed record FaultLine(DateTimeOffset At, string Connection, PlannedFault Fault, FaultLineKind Kind, string? Detail);
