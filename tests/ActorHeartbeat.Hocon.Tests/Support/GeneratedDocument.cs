using System.Globalization;
using System.Text;

namespace ActorHeartbeat.Hocon.Tests.Support;

/// <summary>
/// A random JSON-like tree and a HOCON text for it written with randomly chosen syntax variants (quoted or
/// unquoted keys and strings, path keys, = : or no separator, commas or newlines, comments, optional root
/// braces, triple quotes). Parsing the text must give back exactly the tree.
/// </summary>
internal sealed class GeneratedDocument
{
    private static readonly string[] KeyPool =
    [
        "a", "b", "name", "max-size", "snake_case", "x1", "with space", "dot.ted", "", "include", "true", "null", "123",
        "\u00fcn\u00efc\u00f8de", "quote\"d", "back\\slash", "tab\tkey", "#hash", "//slashes", "$dollar", "{brace}",
    ];

    private static readonly string[] StringPool =
    [
        "", "plain", "two words", "ends with space ", " leading", "line\nbreak", "tab\there", "quote \" inside", "back\\slash",
        "\u00e9\u00e8", "\U0001F600", "${not.a.substitution}", "// not a comment", "# nor this", "true", "42", "null", "\u0001ctl",
    ];

    private static readonly string[] NumberPool = ["0", "42", "-7", "1.5", "-0.25", "1e3", "2.5E-3", "123456789012345678901234567890", "0.000001"];

    private readonly SplitMix64 _random;
    private readonly StringBuilder _text = new();

    private GeneratedDocument(SplitMix64 random)
    {
        _random = random;
    }

    /// <summary>The expected value as a plain tree: Dictionary (ordered by List of keys), List, string, number text (NumberText), bool, null.</summary>
    public object? Tree { get; private set; }

    public string Text => _text.ToString();

    public static GeneratedDocument Create(SplitMix64 random)
    {
        var document = new GeneratedDocument(random);
        var root = document.NewObject(0);
        document.Tree = root;
        var braces = random.Next(3) == 0;
        if (braces)
        {
            document._text.Append("{\n");
        }

        document.WriteFields(root, 1);
        if (braces)
        {
            document._text.Append("\n}\n");
        }

        return document;
    }

    /// <summary>A number literal, compared by its text.</summary>
    public sealed record NumberText(string Text);

    private List<KeyValuePair<string, object?>> NewObject(int depth)
    {
        var fields = new List<KeyValuePair<string, object?>>();
        var count = _random.Next(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = _random.Pick(KeyPool);
            if (used.Add(key))
            {
                fields.Add(new(key, NewValue(depth + 1)));
            }
        }

        return fields;
    }

    private object? NewValue(int depth)
    {
        var choice = _random.Next(depth >= 4 ? 5 : 7);
        return choice switch
        {
            0 => _random.Pick(StringPool),
            1 => new NumberText(_random.Pick(NumberPool)),
            2 => _random.Next(2) == 0,
            3 => null,
            4 => "word" + _random.Next(100).ToString(CultureInfo.InvariantCulture),
            5 => NewObject(depth),
            _ => Enumerable.Range(0, _random.Next(4)).Select(_ => NewValue(depth + 1)).ToList(),
        };
    }

    private void WriteFields(List<KeyValuePair<string, object?>> fields, int indent)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (_random.Next(5) == 0)
            {
                _text.Append(_random.Next(2) == 0 ? "# a comment\n" : "// another comment\n");
            }

            WriteField(string.Empty, fields[i].Key, fields[i].Value, indent);
            _text.Append(_random.Next(3) switch { 0 => ",\n", 1 => "\n", _ => " , " });
        }
    }

    private void WriteField(string prefix, string key, object? value, int indent)
    {
        var keyText = prefix + KeyText(key);
        if (value is List<KeyValuePair<string, object?>> obj && obj.Count > 0 && IsPlain(key) && _random.Next(3) == 0)
        {
            // written as path keys: a.b = 1, a.c = 2
            for (var i = 0; i < obj.Count; i++)
            {
                WriteField(keyText + ".", obj[i].Key, obj[i].Value, indent);
                if (i < obj.Count - 1)
                {
                    _text.Append('\n');
                }
            }

            return;
        }

        _text.Append(keyText);
        _text.Append(value is List<KeyValuePair<string, object?>> && _random.Next(2) == 0 ? " " : _random.Pick([" = ", ":", " : ", "="]));
        WriteValue(value, indent);
    }

    private void WriteValue(object? value, int indent)
    {
        switch (value)
        {
            case null:
                _text.Append("null");
                break;
            case bool b:
                _text.Append(b ? "true" : "false");
                break;
            case NumberText number:
                _text.Append(number.Text);
                break;
            case string s:
                WriteString(s);
                break;
            case List<KeyValuePair<string, object?>> obj:
                _text.Append("{\n");
                WriteFields(obj, indent + 1);
                _text.Append("}");
                break;
            case List<object?> list:
                _text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(list[i], indent + 1);
                    if (i < list.Count - 1)
                    {
                        _text.Append(_random.Next(2) == 0 ? ", " : "\n");
                    }
                }

                _text.Append(_random.Next(3) == 0 && list.Count > 0 ? ",]" : "]");
                break;
        }
    }

    private void WriteString(string s)
    {
        if (IsPlain(s) && !char.IsAsciiDigit(s[0]) && !s.StartsWith("true", StringComparison.Ordinal)
            && !s.StartsWith("false", StringComparison.Ordinal) && !s.StartsWith("null", StringComparison.Ordinal)
            && s != "include" && _random.Next(2) == 0)
        {
            _text.Append(s);
        }
        else if (!s.Contains('"') && _random.Next(3) == 0)
        {
            _text.Append("\"\"\"").Append(s).Append("\"\"\"");
        }
        else
        {
            _text.Append(Quote(s));
        }
    }

    private string KeyText(string key) => IsPlain(key) && key != "include" && _random.Next(2) == 0 ? key : Quote(key);

    private static bool IsPlain(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
