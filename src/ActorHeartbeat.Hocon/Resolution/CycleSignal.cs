namespace ActorHeartbeat.Hocon.Resolution;

/// <summary>
/// Raised inside the resolver when a value is needed while it is itself being resolved; the innermost
/// substitution catches it and reports a cycle (or, for <c>${?x}</c>, treats the value as undefined).
/// Never leaves the resolver.
/// </summary>
internal sealed class CycleSignal : Exception
{
    public CycleSignal()
        : base("substitution cycle")
    {
    }

    public CycleSignal(Override marker)
        : base("substitution cycle")
    {
        Marker = marker;
    }

    /// <summary>The marker that was reached, when the cycle was found through one.</summary>
    public Override? Marker { get; }

    public CycleSignal(string message)
        : base(message)
    {
    }

    public CycleSignal(string message, Exception inner)
        : base(message, inner)
    {
    }
}
