using System.Text;
using ActorHeartbeat.Hocon.Model;
using ActorHeartbeat.Hocon.Parsing;

namespace ActorHeartbeat.Hocon.Rendering;

/// <summary>
/// Compact JSON for resolved trees: strings quoted with JSON escapes, numbers as written (made valid JSON
/// where HOCON accepted a form JSON does not, such as <c>1.</c> or <c>007</c>), keys in insertion order.
/// </summary>
internal static class JsonRenderer
{
    public static string Render(HoconValue value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                StackGuard.Ensure(obj.Origin);
                sb.Append('{');
                var first = true;
                foreach (var (key, child) in obj.Fields)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    AppendQuoted(sb, key);
                    sb.Append(':');
                    Append(sb, child);
                }

                sb.Append('}');
                break;
            case HoconArray array:
                StackGuard.Ensure(array.Origin);
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Append(sb, array.Items[i]);
                }

                sb.Append(']');
                break;
            case HoconScalar scalar:
                AppendScalar(sb, scalar);
                break;
            default:
                throw HoconException.At(value.Origin, "cannot render an unresolved value as JSON; resolve the configuration first");
        }
    }

    public static void AppendScalar(StringBuilder sb, HoconScalar scalar)
    {
        switch (scalar.Kind)
        {
            case HoconScalarKind.String:
                AppendQuoted(sb, scalar.Text);
                break;
            case HoconScalarKind.Number:
                sb.Append(JsonNumber(scalar.Text));
                break;
            default:
                sb.Append(scalar.Text);
                break;
        }
    }

    /// <summary>The number text if it is valid JSON, otherwise the same value in JSON form (exact, no rounding).</summary>
    public static string JsonNumber(string text)
    {
        if (NumberSyntax.IsJsonNumber(text))
        {
            return text;
        }

        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var exponentAt = body.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var exponent = exponentAt < 0 ? string.Empty : body[exponentAt..];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integer = (dot < 0 ? mantissa : mantissa[..dot]).TrimStart('0');
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        sb.Append(integer.Length == 0 ? "0" : integer);
        if (fraction.Length > 0)
        {
            sb.Append('.').Append(fraction);
        }

        sb.Append(exponent);
        return sb.ToString();
    }

    public static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c) && !IsPairAt(text, i))
            {
                // a lone surrogate (possible through \u escapes) is not text; keep it as an escape
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || c is '\u2028' or '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i])
            ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            : i > 0 && char.IsHighSurrogate(text[i - 1]);
}
