using ActorHeartbeat.Hocon.Rendering;

namespace ActorHeartbeat.Hocon;

/// <summary>
/// A node of a HOCON tree: an object (<see cref="HoconObject"/>), an array (<see cref="HoconArray"/>) or a
/// scalar (<see cref="HoconScalar"/>). A configuration parsed with <see cref="HoconParseOptions.Resolve"/> set
/// to false may also hold not-yet-resolved nodes (substitutions, concatenations); those are only ever seen
/// through this base type and disappear on <see cref="Config.Resolve"/>.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin)
    {
        Origin = origin;
    }

    /// <summary>Where the value was written (for merged objects: their first definition).</summary>
    public HoconOrigin Origin { get; }

    /// <summary>Compact HOCON rendering of the value (JSON for resolved values).</summary>
    public override string ToString() => HoconRenderer.RenderValue(this);
}
