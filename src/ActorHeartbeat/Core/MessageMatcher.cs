using System.Text.Json;

namespace ActorHeartbeat.Core;

/// <summary>
/// Recognises a heartbeat message (a pong, or a peer's ping). When <see cref="Text"/> is set it wins:
/// the message must equal it exactly. Otherwise the message must be a JSON object whose field
/// <see cref="JsonField"/> equals <see cref="EqualsValue"/> (a string field by its string value,
/// any other by its raw JSON text), or — when <see cref="EqualsValue"/> is null — merely has that field.
/// </summary>
/// <param name="Text">Exact text to match, or null.</param>
/// <param name="JsonField">The JSON field to test, or null (only with <paramref name="Text"/>).</param>
/// <param name="EqualsValue">The value the field must have, or null for "present".</param>
public sealed record MessageMatcher(string? Text, string? JsonField, string? EqualsValue)
{
    /// <summary>Matches the exact text <paramref name="text"/>.</summary>
    public static MessageMatcher ExactText(string text) => new(text, null, null);

    /// <summary>Matches JSON objects whose <paramref name="field"/> equals <paramref name="equals"/> (or has it, when null).</summary>
    public static MessageMatcher JsonFieldEquals(string field, string? equals) => new(null, field, equals);

    /// <summary>
    /// Tests <paramref name="message"/>. On a JSON match, <paramref name="document"/> is the parsed
    /// message (the caller disposes it) and <paramref name="matchedValue"/> the field's raw JSON; on a
    /// text match both are null and empty.
    /// </summary>
    public bool Matches(string message, out JsonDocument? document, out string matchedValue)
    {
        document = null;
        matchedValue = string.Empty;
        if (Text is not null)
        {
            if (!string.Equals(message, Text, StringComparison.Ordinal))
            {
                return false;
            }

            matchedValue = JsonSerializer.Serialize(Text);
            return true;
        }

        if (JsonField is null || !LooksLikeJsonObject(message))
        {
            return false;
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return false;
        }

        if (parsed.RootElement.ValueKind == JsonValueKind.Object &&
            parsed.RootElement.TryGetProperty(JsonField, out var field) &&
            (EqualsValue is null || ValueEquals(field, EqualsValue)))
        {
            document = parsed;
            matchedValue = field.GetRawText();
            return true;
        }

        parsed.Dispose();
        return false;
    }

    private static bool ValueEquals(JsonElement field, string expected) =>
        field.ValueKind == JsonValueKind.String
            ? field.ValueEquals(expected)
            : string.Equals(field.GetRawText(), expected, StringComparison.Ordinal);

    private static bool LooksLikeJsonObject(string message)
    {
        foreach (var c in message)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c == '{';
            }
        }

        return false;
    }
}
