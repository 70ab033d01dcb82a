namespace ActorHeartbeat.Hocon.Model;

/// <summary>
/// Several definitions of one field that cannot be merged before resolution because at least one is a
/// substitution or concatenation of unknown type. A persistent list: <see cref="Top"/> is the latest
/// definition and <see cref="Rest"/> everything defined before it (another stack or a single value), so
/// adding a definition is O(1) and the definitions below any element are a shared, stable instance.
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    public HoconMergeStack(HoconValue top, HoconValue rest)
        : base(rest.Origin)
    {
        Top = top;
        Rest = rest;
    }

    /// <summary>The latest definition.</summary>
    public HoconValue Top { get; }

    /// <summary>The earlier definitions: what a self-reference in <see cref="Top"/> sees.</summary>
    public HoconValue Rest { get; }

    /// <summary>All definitions, latest first.</summary>
    public IEnumerable<HoconValue> Elements
    {
        get
        {
            HoconValue current = this;
            while (current is HoconMergeStack stack)
            {
                yield return stack.Top;
                current = stack.Rest;
            }

            yield return current;
        }
    }

    public static bool IsUnresolvedType(HoconValue value) =>
        value is HoconSubstitution or HoconConcatenation or HoconMergeStack;

    /// <summary>A stack of <paramref name="newer"/>'s definitions above <paramref name="older"/> (O(length of newer)).</summary>
    public static HoconMergeStack Over(HoconValue newer, HoconValue older)
    {
        var result = older;
        foreach (var element in (newer is HoconMergeStack stack ? stack.Elements : [newer]).Reverse())
        {
            result = new HoconMergeStack(element, result);
        }

        return (HoconMergeStack)result;
    }
}
