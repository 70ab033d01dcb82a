namespace ActorHeartbeat.Hocon.Conversion;

/// <summary>
/// Sizes in bytes in the HOCON format: a bare number is bytes; B/b/byte(s); powers of ten kB, MB, GB, TB, PB,
/// EB, ZB, YB and kilobyte(s) ... yottabyte(s); powers of two K/k/Ki/KiB, M/m/Mi/MiB, ... and kibibyte(s) ...
/// yobibyte(s). "KB" is deliberately not accepted (ambiguous), as in the reference implementation.
/// The result must be a whole number of bytes that fits in 64 bits.
/// </summary>
internal static class ByteSizeParser
{
    public const string UnitHelp = "valid units are B, kB, MB, GB, TB (powers of 1000), K/KiB, M/MiB, G/GiB, T/TiB (powers of 1024) and their long forms; a bare number means bytes";

    private static readonly Dictionary<string, decimal> BytesPerUnit = Build();

    public static long? TryParse(string text, bool isNumber, out string problem)
    {
        problem = string.Empty;
        string number;
        string unit;
        if (isNumber)
        {
            number = text;
            unit = string.Empty;
        }
        else if (!UnitText.TrySplit(text, out number, out unit))
        {
            problem = $"it has no number ({UnitHelp})";
            return null;
        }

        if (!BytesPerUnit.TryGetValue(unit, out var multiplier))
        {
            problem = unit == "KB"
                ? "'KB' is ambiguous: write kB for 1000 bytes or KiB (or K) for 1024 bytes"
                : $"unknown size unit '{unit}' ({UnitHelp})";
            return null;
        }

        if (!UnitText.TryParseNumber(number, out var amount))
        {
            problem = $"'{number}' is not a number ({UnitHelp})";
            return null;
        }

        try
        {
            var bytes = amount * multiplier;
            if (bytes != decimal.Truncate(bytes))
            {
                problem = $"it is {bytes} bytes, not a whole number of bytes";
                return null;
            }

            if (bytes < long.MinValue || bytes > long.MaxValue)
            {
                problem = "it is out of range for a 64-bit byte count";
                return null;
            }

            return (long)bytes;
        }
        catch (OverflowException)
        {
            problem = "it is out of range for a 64-bit byte count";
            return null;
        }
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in new[] { string.Empty, "B", "b", "byte", "bytes" })
        {
            table[name] = 1m;
        }

        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string letters = "KMGTPEZY";
        var power10 = 1m;
        var power2 = 1m;
        for (var i = 0; i < letters.Length; i++)
        {
            power10 *= 1000m;
            power2 *= 1024m;
            var upper = letters[i].ToString();
            var lower = char.ToLowerInvariant(letters[i]).ToString();
            table[(i == 0 ? "k" : upper) + "B"] = power10;
            table[decimalNames[i] + "byte"] = power10;
            table[decimalNames[i] + "bytes"] = power10;
            foreach (var name in new[] { upper, lower, upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                table[name] = power2;
            }
        }

        return table;
    }
}
