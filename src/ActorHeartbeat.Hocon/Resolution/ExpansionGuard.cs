using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Resolution;

/// <summary>
/// Resolved trees share values that several substitutions copy, so a small file can describe an enormous
/// tree (<c>b = [${a},${a}]</c>, <c>c = [${b},${b}]</c>, ...). This measures what the tree expands to (values
/// and text) and rejects it beyond <see cref="HoconLimits.MaxExpandedValues"/>, before anything walks it in full.
/// </summary>
internal static class ExpansionGuard
{
    public static void Check(HoconObject root)
    {
        var sizes = new Dictionary<HoconValue, long>(ReferenceEqualityComparer.Instance);
        if (Size(root, sizes) > HoconLimits.MaxExpandedValues)
        {
            throw HoconException.At(
                root.Origin,
                $"the resolved configuration expands to more than {HoconLimits.MaxExpandedValues:N0} values (substitutions copy large values too many times)");
        }
    }

    private static long Size(HoconValue value, Dictionary<HoconValue, long> sizes)
    {
        if (value is HoconScalar scalar)
        {
            return 1 + (scalar.Text.Length / 16);
        }

        if (sizes.TryGetValue(value, out var known))
        {
            return known;
        }

        StackGuard.Ensure(value.Origin);
        long total = 1;
        IEnumerable<HoconValue> children = value switch
        {
            HoconObject obj => obj.Fields.Select(f => f.Value),
            HoconArray array => array.Items,
            _ => [],
        };
        if (value is HoconObject keyed)
        {
            total += keyed.Keys.Sum(k => (long)k.Length) / 16;
        }

        foreach (var child in children)
        {
            total = Math.Min(total + Size(child, sizes), HoconLimits.MaxExpandedValues + 1);
        }

        sizes[value] = total;
        return total;
    }
}
