using System.Globalization;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>Character classes of the HOCON specification.</summary>
internal static class CharClass
{
    /// <summary>Characters that end an unquoted string (besides whitespace and <c>//</c>).</summary>
    private const string NotInUnquoted = "$\"{}[]:=,+#`^?!@*&\\";

    /// <summary>Characters reserved by the spec; they may not start any token outside quotes.</summary>
    private const string Reserved = "`^?!@*&\\";

    /// <summary>
    /// HOCON whitespace: Unicode space, line and paragraph separators (including non-breaking spaces), tab,
    /// newline, vertical tab, form feed, carriage return, the file/group/record/unit separators and the BOM.
    /// </summary>
    public static bool IsWhitespace(char c)
    {
        switch (c)
        {
            case ' ' or '\t' or '\n' or '\v' or '\f' or '\r':
            case '\u001C' or '\u001D' or '\u001E' or '\u001F':
            case '\uFEFF':
                return true;
        }

        if (c < 128)
        {
            return false;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator;
    }

    public static bool EndsUnquoted(char c) => NotInUnquoted.Contains(c) || IsWhitespace(c);

    public static bool IsReserved(char c) => Reserved.Contains(c);

    public static bool StartsNumber(char c) => c == '-' || char.IsAsciiDigit(c);

    public static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is 'e' or 'E' or '+' or '-' or '.';
}
