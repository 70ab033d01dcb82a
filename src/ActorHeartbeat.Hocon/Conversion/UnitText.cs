using System.Globalization;

namespace ActorHeartbeat.Hocon.Conversion;

/// <summary>
/// The HOCON "units format": optional whitespace, a number, optional whitespace, an optional unit made of
/// letters, optional whitespace (<c>10s</c>, <c>1.5 MiB</c>, <c>250</c>).
/// </summary>
internal static class UnitText
{
    public static bool TrySplit(string text, out string number, out string unit)
    {
        var trimmed = text.Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        unit = trimmed[unitStart..];
        number = trimmed[..unitStart].Trim();
        return number.Length > 0;
    }

    /// <summary>Parses the number part exactly (decimal), accepting integers, fractions and exponents.</summary>
    public static bool TryParseNumber(string number, out decimal value)
    {
        value = 0;
        if (number.Length == 0 || !(char.IsAsciiDigit(number[^1]) || number[^1] == '.'))
        {
            return false;
        }

        try
        {
            return decimal.TryParse(
                number,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture,
                out value);
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
