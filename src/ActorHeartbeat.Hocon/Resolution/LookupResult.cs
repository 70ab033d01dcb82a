namespace ActorHeartbeat.Hocon.Resolution;

/// <summary>The outcome of looking up a substitution's path.</summary>
internal readonly record struct LookupResult(HoconValue? Value, Override? Cycle, string? Missing)
{
    public static LookupResult Found(HoconValue value) => new(value, null, null);

    public static LookupResult CycleAt(Override marker) => new(null, marker, null);

    public static LookupResult NotFound(string reason) => new(null, null, reason);

    public bool IsFound => Value is not null;

    public bool IsCycle => Cycle is not null;
}
