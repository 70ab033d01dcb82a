using System.Globalization;
using System.Text;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// Reads Java-properties files for <c>include</c>: <c>key=value</c>, <c>key:value</c> or <c>key value</c>,
/// <c>#</c>/<c>!</c> comment lines, backslash escapes and line continuations. Keys are split on every '.'
/// into a path; all values are strings; when a key is both a value and a parent (<c>a=x</c>, <c>a.b=y</c>)
/// the object wins, as the HOCON specification requires.
/// </summary>
internal static class PropertiesParser
{
    public static HoconObject Parse(string text, string sourceName)
    {
        var root = new HoconObject(new HoconOrigin(sourceName, 1, 1));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var logical = new StringBuilder(lines[i].TrimStart(Blanks).TrimEnd('\r'));
            if (logical.Length == 0 || logical[0] is '#' or '!')
            {
                continue;
            }

            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                i++;
                logical.Append(lines[i].TrimStart(Blanks).TrimEnd('\r'));
            }

            if (EndsWithContinuation(logical))
            {
                logical.Length--;
            }

            var (key, value) = SplitEntry(logical.ToString(), new HoconOrigin(sourceName, lineNumber, 1));
            Insert(root, key.Split('.'), value, new HoconOrigin(sourceName, lineNumber, 1));
        }

        return root;
    }

    private static readonly char[] Blanks = [' ', '\t', '\f'];

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\f';

    private static bool EndsWithContinuation(StringBuilder line)
    {
        var backslashes = 0;
        for (var j = line.Length - 1; j >= 0 && line[j] == '\\'; j--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) SplitEntry(string line, HoconOrigin origin)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < line.Length && line[i] is not ('=' or ':') && !IsBlank(line[i]))
        {
            i = AppendChar(line, i, key, origin);
        }

        while (i < line.Length && IsBlank(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && IsBlank(line[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        while (i < line.Length)
        {
            i = AppendChar(line, i, value, origin);
        }

        return (key.ToString(), value.ToString());
    }

    private static int AppendChar(string line, int i, StringBuilder sb, HoconOrigin origin)
    {
        if (line[i] != '\\' || i + 1 >= line.Length)
        {
            sb.Append(line[i]);
            return i + 1;
        }

        var c = line[i + 1];
        switch (c)
        {
            case 't': sb.Append('\t'); return i + 2;
            case 'n': sb.Append('\n'); return i + 2;
            case 'r': sb.Append('\r'); return i + 2;
            case 'f': sb.Append('\f'); return i + 2;
            case 'u':
                if (i + 6 <= line.Length
                    && int.TryParse(line.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    sb.Append((char)code);
                    return i + 6;
                }

                throw HoconException.At(origin, "malformed \\uXXXX escape in a properties file");
            default:
                sb.Append(c);
                return i + 2;
        }
    }

    private static void Insert(HoconObject root, string[] path, string value, HoconOrigin origin)
    {
        var current = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (!current.TryGetValue(path[i], out var child) || child is not HoconObject childObject)
            {
                childObject = new HoconObject(origin);
                current.Set(path[i], childObject);
            }

            current = childObject;
        }

        if (!(current.TryGetValue(path[^1], out var existing) && existing is HoconObject))
        {
            current.Set(path[^1], HoconScalar.String(value, origin));
        }
    }
}
