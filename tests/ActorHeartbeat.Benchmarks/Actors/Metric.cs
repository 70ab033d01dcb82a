namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>One row of the result table: what is measured, in which unit, and the target for it.</summary>
internal sealed record Metric(string Label, MetricUnit Unit, MetricTarget Target);
