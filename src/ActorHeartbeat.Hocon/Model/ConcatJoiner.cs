using System.Globalization;
using System.Text;

namespace ActorHeartbeat.Hocon.Model;

/// <summary>
/// Joins the parts of a value concatenation: simple values become one string (whitespace between them kept,
/// numbers as written, <c>null</c> as "null"); arrays are appended; objects are merged, later over earlier.
/// Whitespace next to arrays and objects is ignored. Mixing a simple value with an array or object is an error.
/// A single part keeps its type. No parts (every part an undefined <c>${?x}</c>) means no value (null).
/// </summary>
internal static class ConcatJoiner
{
    public static HoconValue? Join(IReadOnlyList<HoconValue> parts, HoconOrigin origin, string? appendKey)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        var structured = parts.Any(p => p is HoconObject or HoconArray);
        if (!structured)
        {
            if (parts.Count == 1 && parts[0] is HoconScalar { IsWhitespace: false })
            {
                return parts[0];
            }

            var sb = new StringBuilder();
            foreach (var part in parts)
            {
                sb.Append(((HoconScalar)part).Text);
                if (sb.Length > HoconLimits.MaxConcatenatedStringLength)
                {
                    throw HoconException.At(origin, $"value concatenation produces a string longer than {HoconLimits.MaxConcatenatedStringLength:N0} characters");
                }
            }

            return HoconScalar.String(sb.ToString(), origin);
        }

        var values = parts.Where(p => p is not HoconScalar { IsWhitespace: true }).ToList();
        CheckCompatible(values, appendKey, origin);
        if (values.Any(v => v is HoconArray))
        {
            var items = new List<HoconValue>();
            foreach (var value in values)
            {
                items.AddRange(AsArray(value, origin).Items);
                if (items.Count > HoconLimits.MaxConcatenatedArrayLength)
                {
                    throw HoconException.At(origin, $"array concatenation produces more than {HoconLimits.MaxConcatenatedArrayLength:N0} elements");
                }
            }

            return new HoconArray(items, values[0].Origin);
        }

        var merged = values[0];
        for (var i = 1; i < values.Count; i++)
        {
            merged = ValueMerger.Merge(values[i], merged, inPlace: false);
        }

        return merged;
    }

    private static void CheckCompatible(List<HoconValue> values, string? appendKey, HoconOrigin origin)
    {
        if (appendKey is not null && values.Count == 2 && values[0] is not HoconArray)
        {
            throw HoconException.At(
                origin,
                $"'{appendKey} += ...' appends to an array, but the earlier value of {appendKey} is {Describe(values[0])} (defined at {values[0].Origin})");
        }

        var structured = values.First(v => v is HoconObject or HoconArray);
        foreach (var value in values)
        {
            if (value is HoconScalar scalar)
            {
                throw HoconException.At(
                    origin,
                    $"cannot concatenate {Describe(structured)} with {Describe(scalar)} (at {scalar.Origin}); only strings with strings, arrays with arrays and objects with objects can be concatenated");
            }
        }
    }

    private static HoconArray AsArray(HoconValue value, HoconOrigin origin)
    {
        if (value is HoconArray array)
        {
            return array;
        }

        var obj = (HoconObject)value;
        return TryConvertNumericObject(obj)
            ?? throw HoconException.At(
                origin,
                $"cannot concatenate an array with an object (defined at {obj.Origin}); only objects whose keys are numbers (\"0\", \"1\", ...) can be used as arrays");
    }

    /// <summary>
    /// The HOCON conversion of an object with numeric keys (<c>{ "0": a, "1": b }</c>) to an array, ordered
    /// by key; other keys are ignored. Null when the object has no numeric keys.
    /// </summary>
    public static HoconArray? TryConvertNumericObject(HoconObject obj)
    {
        var indexed = new List<(int Index, HoconValue Value)>();
        foreach (var (key, value) in obj.Fields)
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed.Add((index, value));
            }
        }

        if (indexed.Count == 0)
        {
            return null;
        }

        return new HoconArray(indexed.OrderBy(e => e.Index).Select(e => e.Value), obj.Origin);
    }

    public static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "an array",
        HoconScalar { Kind: HoconScalarKind.String } s => $"the string \"{Shorten(s.Text)}\"",
        HoconScalar { Kind: HoconScalarKind.Number } s => $"the number {s.Text}",
        HoconScalar { Kind: HoconScalarKind.Boolean } s => $"the boolean {s.Text}",
        HoconScalar => "null",
        _ => "an unresolved value",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
