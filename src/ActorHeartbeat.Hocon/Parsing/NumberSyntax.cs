namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// Which texts are numbers. A run of number characters that starts with a digit or '-' is a number when it
/// is a whole number (of any size, as in JSON) or a decimal/exponent form (<c>1.5</c>, <c>1e3</c>, <c>-.5</c>,
/// <c>1.</c>); otherwise it is ordinary unquoted text (<c>1.2.3</c>, <c>1-2</c>), as in the reference
/// implementation.
/// </summary>
internal static class NumberSyntax
{
    public static bool IsNumber(string text) =>
        HasFractionOrExponent(text) ? IsDecimal(text) : IsInteger(text);

    /// <summary>True when the number text is also valid JSON (so it can be emitted as written).</summary>
    public static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = SkipDigits(text, i);
        }

        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            i = SkipDigits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        return SkipExponent(text, i) == text.Length;
    }

    public static bool HasFractionOrExponent(string text) => text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0;

    private static bool IsInteger(string text)
    {
        var start = text[0] == '-' ? 1 : 0;
        return start < text.Length && SkipDigits(text, start) == text.Length;
    }

    private static bool IsDecimal(string text)
    {
        var i = 0;
        if (text[0] == '-')
        {
            i++;
        }

        var intStart = i;
        i = SkipDigits(text, i);
        var intDigits = i - intStart;
        var fracDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fracStart = i;
            i = SkipDigits(text, i);
            fracDigits = i - fracStart;
        }

        if (intDigits == 0 && fracDigits == 0)
        {
            return false;
        }

        return SkipExponent(text, i) == text.Length;
    }

    /// <summary>Skips an optional exponent; returns -1 when an exponent marker has no digits.</summary>
    private static int SkipExponent(string text, int i)
    {
        if (i >= text.Length || (text[i] != 'e' && text[i] != 'E'))
        {
            return i;
        }

        i++;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            i++;
        }

        var start = i;
        i = SkipDigits(text, i);
        return i == start ? -1 : i;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }
}
