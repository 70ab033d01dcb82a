namespace ActorHeartbeat.Hocon.Model;

/// <summary>
/// The HOCON merge rule for duplicate keys, <c>WithFallback</c> and object concatenation: a later object is
/// merged field by field into an earlier object; any other later value replaces the earlier one; a later
/// object replaces an earlier non-object; values of unknown type (substitutions) are stacked for the resolver.
/// </summary>
internal static class ValueMerger
{
    /// <summary>
    /// Merges <paramref name="newer"/> over <paramref name="older"/>. With <paramref name="inPlace"/> the older
    /// objects are updated directly (only while parsing, when the parser owns them); otherwise nothing that
    /// already exists is changed.
    /// </summary>
    public static HoconValue Merge(HoconValue newer, HoconValue older, bool inPlace)
    {
        StackGuard.Ensure(newer.Origin);
        switch (newer)
        {
            case HoconObject { IgnoresFallbacks: true }:
                return newer;
            case HoconObject newerObject:
                return older switch
                {
                    HoconObject olderObject => MergeObjects(newerObject, olderObject, inPlace),
                    HoconMergeStack stack => MergeObjectOntoStack(newerObject, stack, inPlace),
                    HoconSubstitution or HoconConcatenation => new HoconMergeStack(newerObject, older),
                    _ => HidingFallbacks(newerObject, inPlace),
                };
            case HoconSubstitution or HoconConcatenation:
                return new HoconMergeStack(newer, older);
            case HoconMergeStack:
                return HoconMergeStack.Over(newer, older);
            default:
                return newer;
        }
    }

    /// <summary>Sets <paramref name="key"/> in <paramref name="target"/>, merging with an existing value.</summary>
    public static void MergeField(HoconObject target, string key, HoconValue value, bool inPlace)
    {
        target.Set(key, target.TryGetValue(key, out var existing) ? Merge(value, existing, inPlace) : value);
    }

    private static HoconObject MergeObjects(HoconObject newer, HoconObject older, bool inPlace)
    {
        var target = inPlace ? older : older.ShallowCopy();
        foreach (var (key, value) in newer.Fields)
        {
            MergeField(target, key, value, inPlace);
        }

        return target;
    }

    private static HoconObject HidingFallbacks(HoconObject obj, bool inPlace)
    {
        var result = inPlace ? obj : obj.ShallowCopy();
        result.IgnoresFallbacks = true;
        return result;
    }

    private static HoconMergeStack MergeObjectOntoStack(HoconObject newer, HoconMergeStack stack, bool inPlace) =>
        stack.Top is HoconObject top
            ? new HoconMergeStack(MergeObjects(newer, top, inPlace), stack.Rest)
            : new HoconMergeStack(newer, stack);
}
