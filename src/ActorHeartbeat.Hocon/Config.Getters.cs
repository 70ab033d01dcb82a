using System.Globalization;
using ActorHeartbeat.Hocon.Conversion;
using ActorHeartbeat.Hocon.Model;
using ActorHeartbeat.Hocon.Parsing;

namespace ActorHeartbeat.Hocon;

/// <content>Typed getters. Conversions follow the HOCON recommendations: numbers and booleans read as strings,
/// numeric strings read as numbers, "yes"/"no"/"on"/"off" read as booleans; null never converts.</content>
public sealed partial class Config
{
    /// <summary>The string at <paramref name="path"/>; numbers come back as written, booleans as "true"/"false".</summary>
    /// <exception cref="HoconException">Missing, null, an object or an array.</exception>
    public string GetString(string path) => ScalarText(path, Find(path), "a string");

    /// <summary>The 32-bit integer at <paramref name="path"/> (a number or numeric string with no fraction).</summary>
    /// <exception cref="HoconException">Missing, not a whole number, or out of range.</exception>
    public int GetInt(string path)
    {
        var value = GetLong(path);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Invalid(path, Find(path), "is out of range for a 32-bit integer");
    }

    /// <summary>The 64-bit integer at <paramref name="path"/> (a number or numeric string with no fraction).</summary>
    /// <exception cref="HoconException">Missing, not a whole number, or out of range.</exception>
    public long GetLong(string path)
    {
        var value = Find(path);
        var text = ScalarText(path, value, "a number").Trim();
        if (!NumberSyntax.IsNumber(text))
        {
            throw Invalid(path, value, "is not a number");
        }

        if (!NumberSyntax.HasFractionOrExponent(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? whole
                : throw Invalid(path, value, "is out of range for a 64-bit integer");
        }

        if (!UnitText.TryParseNumber(text, out var exact) || exact < long.MinValue || exact > long.MaxValue)
        {
            throw Invalid(path, value, "is out of range for a 64-bit integer");
        }

        return exact == decimal.Truncate(exact) ? (long)exact : throw Invalid(path, value, "is not a whole number");
    }

    /// <summary>The floating-point number at <paramref name="path"/> (a number or numeric string).</summary>
    /// <exception cref="HoconException">Missing, not a number, or too large for a double.</exception>
    public double GetDouble(string path)
    {
        var value = Find(path);
        var text = ScalarText(path, value, "a number").Trim();
        if (!NumberSyntax.IsNumber(text))
        {
            throw Invalid(path, value, "is not a number");
        }

        var result = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(result) ? result : throw Invalid(path, value, "is too large for a double");
    }

    /// <summary>The boolean at <paramref name="path"/>: true/false, or the strings yes/no/on/off (lowercase).</summary>
    /// <exception cref="HoconException">Missing or not one of these.</exception>
    public bool GetBoolean(string path)
    {
        var value = Find(path);
        return ScalarText(path, value, "a boolean") switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Invalid(path, value, "is not a boolean (use true/false, yes/no or on/off)"),
        };
    }

    /// <summary>
    /// The duration at <paramref name="path"/>: a number of milliseconds or a string with a unit
    /// (ns, us, ms, s, m, h, d and long forms such as "seconds"), truncated to 100 ns resolution.
    /// </summary>
    /// <exception cref="HoconException">Missing, not a duration, or out of range (also for off/infinite).</exception>
    public TimeSpan GetDuration(string path)
    {
        var value = Find(path);
        var text = ScalarText(path, value, "a duration");
        var isNumber = value is HoconScalar { Kind: HoconScalarKind.Number };
        return DurationParser.TryParse(text, isNumber, out var problem)
            ?? throw Invalid(path, value, $"is not a duration: {problem}");
    }

    /// <summary>Like <see cref="GetDuration"/>, but the strings off, infinite and none give null (disabled).</summary>
    /// <exception cref="HoconException">Missing or neither a duration nor off/infinite/none.</exception>
    public TimeSpan? GetDurationOrOff(string path)
    {
        var value = Find(path);
        if (value is HoconScalar { Kind: HoconScalarKind.String } scalar && scalar.Text.Trim() is "off" or "infinite" or "none")
        {
            return null;
        }

        var text = ScalarText(path, value, "a duration");
        var isNumber = value is HoconScalar { Kind: HoconScalarKind.Number };
        return DurationParser.TryParse(text, isNumber, out var problem)
            ?? throw Invalid(path, value, $"is not a duration or off/infinite/none: {problem}");
    }

    /// <summary>
    /// The size in bytes at <paramref name="path"/>: a number of bytes or a string with a unit
    /// (B, kB/MB/GB = powers of 1000, K/KiB, M/MiB, G/GiB = powers of 1024, and long forms).
    /// </summary>
    /// <exception cref="HoconException">Missing, not a size, not a whole number of bytes, or out of range.</exception>
    public long GetBytes(string path)
    {
        var value = Find(path);
        var text = ScalarText(path, value, "a size in bytes");
        var isNumber = value is HoconScalar { Kind: HoconScalarKind.Number };
        return ByteSizeParser.TryParse(text, isNumber, out var problem)
            ?? throw Invalid(path, value, $"is not a size in bytes: {problem}");
    }

    /// <summary>The list of strings at <paramref name="path"/> (numbers and booleans converted as by <see cref="GetString"/>).</summary>
    /// <exception cref="HoconException">Missing, not an array, or an element is null, an object or an array.</exception>
    public IReadOnlyList<string> GetStringList(string path)
    {
        var list = GetList(path);
        var result = new List<string>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(ScalarText($"{path}[{i}]", list[i], "a string"));
        }

        return result;
    }

    /// <summary>The elements of the array at <paramref name="path"/> (an object with numeric keys "0", "1", ... also counts).</summary>
    /// <exception cref="HoconException">Missing or not an array.</exception>
    public IReadOnlyList<HoconValue> GetList(string path)
    {
        var value = Find(path);
        return value switch
        {
            HoconArray array => array.Items,
            HoconObject obj when ConcatJoiner.TryConvertNumericObject(obj) is { } converted => converted.Items,
            _ => throw Invalid(path, value, $"is {ConcatJoiner.Describe(value)}, expected an array"),
        };
    }

    /// <summary>The object at <paramref name="path"/>.</summary>
    /// <exception cref="HoconException">Missing or not an object.</exception>
    public HoconObject GetObject(string path)
    {
        var value = Find(path);
        return value as HoconObject ?? throw Invalid(path, value, $"is {ConcatJoiner.Describe(value)}, expected an object");
    }

    private static string ScalarText(string path, HoconValue value, string expected)
    {
        if (HoconMergeStack.IsUnresolvedType(value))
        {
            throw NotResolved(path, value);
        }

        return value switch
        {
            HoconScalar { Kind: HoconScalarKind.Null } => throw HoconException.At(value.Origin, $"{path}: is null, expected {expected}"),
            HoconScalar scalar => scalar.Text,
            _ => throw HoconException.At(value.Origin, $"{path}: is {ConcatJoiner.Describe(value)}, expected {expected}"),
        };
    }

    private static HoconException Invalid(string path, HoconValue value, string problem)
    {
        var shown = value is HoconScalar scalar ? $"'{scalar.Text}'" : ConcatJoiner.Describe(value);
        return HoconException.At(value.Origin, $"{path}: {shown} {problem}");
    }
}
