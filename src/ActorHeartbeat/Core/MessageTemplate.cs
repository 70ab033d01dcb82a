using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ActorHeartbeat.Core;

/// <summary>
/// A text template with placeholders in braces: <c>{seq}</c> and <c>{ts}</c> (bare integers) in ping
/// payloads; <c>{value}</c> (the matched field's raw JSON) and <c>{ping.NAME}</c> (field NAME of the
/// received ping as raw JSON, <c>null</c> when absent) in replies. Braces that do not form a known
/// placeholder are kept as written, so JSON templates need no escaping. Parsed once, rendered often.
/// </summary>
public sealed class MessageTemplate
{
    private readonly Part[] _parts;

    private MessageTemplate(string source, Part[] parts)
    {
        Source = source;
        _parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Source { get; }

    /// <summary>True when the template uses <c>{seq}</c>.</summary>
    public bool UsesSequence => _parts.Any(p => p.Kind == PartKind.Sequence);

    /// <summary>Parses <paramref name="source"/>.</summary>
    public static MessageTemplate Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '{' && TryPlaceholder(source, i, out var part, out var length))
            {
                if (literal.Length > 0)
                {
                    parts.Add(new Part(PartKind.Literal, literal.ToString()));
                    literal.Clear();
                }

                parts.Add(part);
                i += length;
                continue;
            }

            literal.Append(source[i++]);
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(PartKind.Literal, literal.ToString()));
        }

        return new MessageTemplate(source, [.. parts]);
    }

    /// <summary>Renders a ping payload.</summary>
    public string RenderPing(long sequence, long unixMilliseconds) => Render(sequence, unixMilliseconds, null, null);

    /// <summary>Renders a reply to a received ping (<paramref name="ping"/> may be null for a text ping).</summary>
    public string RenderReply(string matchedValue, JsonDocument? ping) => Render(0, 0, matchedValue, ping);

    private string Render(long sequence, long unixMilliseconds, string? value, JsonDocument? ping)
    {
        // Built on the stack (the pool past 256 characters): a ping costs its string and nothing else.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case PartKind.Literal:
                    text.AppendLiteral(part.Text);
                    break;
                case PartKind.Sequence:
                    text.AppendFormatted(sequence);
                    break;
                case PartKind.Timestamp:
                    text.AppendFormatted(unixMilliseconds);
                    break;
                case PartKind.Value:
                    text.AppendLiteral(value ?? "null");
                    break;
                case PartKind.PingField:
                    text.AppendLiteral(ping is not null && ping.RootElement.ValueKind == JsonValueKind.Object &&
                                       ping.RootElement.TryGetProperty(part.Text, out var field)
                        ? field.GetRawText()
                        : "null");
                    break;
            }
        }

        return text.ToStringAndClear();
    }

    private static bool TryPlaceholder(string source, int start, out Part part, out int length)
    {
        part = default;
        length = 0;
        var close = source.IndexOf('}', start + 1);
        if (close < 0)
        {
            return false;
        }

        var name = source[(start + 1)..close];
        length = close - start + 1;
        switch (name)
        {
            case "seq":
                part = new Part(PartKind.Sequence, name);
                return true;
            case "ts":
                part = new Part(PartKind.Timestamp, name);
                return true;
            case "value":
                part = new Part(PartKind.Value, name);
                return true;
        }

        if (name.StartsWith("ping.", StringComparison.Ordinal) && name.Length > 5 && !name.Contains('"') && !name.Contains('{'))
        {
            part = new Part(PartKind.PingField, name[5..]);
            return true;
        }

        return false;
    }

    private enum PartKind
    {
        Literal,
        Sequence,
        Timestamp,
        Value,
        PingField,
    }

    private readonly record struct Part(PartKind Kind, string Text);
}
