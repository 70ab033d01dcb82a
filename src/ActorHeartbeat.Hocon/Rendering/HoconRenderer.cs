using System.Text;
using ActorHeartbeat.Hocon.Model;
using ActorHeartbeat.Hocon.Resolution;

namespace ActorHeartbeat.Hocon.Rendering;

/// <summary>
/// Readable HOCON: one field per line, nested objects indented with braces, strings always quoted, numbers as
/// written. Unresolved trees render their substitutions, and stacked definitions of a field as several
/// lines (oldest first), so the output parses back to the same configuration.
/// </summary>
internal static class HoconRenderer
{
    private const string Indent = "    ";

    public static string RenderDocument(HoconObject root)
    {
        var sb = new StringBuilder();
        AppendFields(sb, root, 0);
        return sb.ToString();
    }

    public static string RenderValue(HoconValue value)
    {
        if (Resolver.IsResolved(value))
        {
            return JsonRenderer.Render(value);
        }

        var sb = new StringBuilder();
        AppendValue(sb, value, 0);
        return sb.ToString();
    }

    private static void AppendFields(StringBuilder sb, HoconObject obj, int level)
    {
        foreach (var (key, value) in obj.Fields)
        {
            var definitions = value is HoconMergeStack stack ? stack.Elements.Reverse() : [value];
            foreach (var definition in definitions)
            {
                AppendIndent(sb, level);
                HoconPath.AppendKey(sb, key, first: true);
                sb.Append(definition is HoconObject ? " " : " = ");
                AppendValue(sb, definition, level);
                sb.Append('\n');
            }
        }
    }

    private static void AppendValue(StringBuilder sb, HoconValue value, int level)
    {
        StackGuard.Ensure(value.Origin);
        switch (value)
        {
            case HoconObject { Count: 0 }:
                sb.Append("{}");
                break;
            case HoconObject obj:
                sb.Append("{\n");
                AppendFields(sb, obj, level + 1);
                AppendIndent(sb, level);
                sb.Append('}');
                break;
            case HoconArray { Count: 0 }:
                sb.Append("[]");
                break;
            case HoconArray array:
                sb.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    AppendIndent(sb, level + 1);
                    AppendValue(sb, array.Items[i], level + 1);
                    sb.Append(i < array.Count - 1 ? ",\n" : "\n");
                }

                AppendIndent(sb, level);
                sb.Append(']');
                break;
            case HoconScalar { IsWhitespace: true } whitespace:
                sb.Append(whitespace.Text);
                break;
            case HoconScalar scalar:
                JsonRenderer.AppendScalar(sb, scalar);
                break;
            case HoconSubstitution substitution:
                sb.Append(substitution.Optional ? "${?" : "${").Append(substitution.Path).Append('}');
                break;
            case HoconConcatenation concatenation:
                foreach (var piece in concatenation.Pieces)
                {
                    AppendValue(sb, piece, level);
                }

                break;
            case HoconMergeStack stack:
                // a stack never appears outside a field; render its latest definition as a fallback
                AppendValue(sb, stack.Top, level);
                break;
        }
    }

    private static void AppendIndent(StringBuilder sb, int level)
    {
        for (var i = 0; i < level; i++)
        {
            sb.Append(Indent);
        }
    }
}
