using System.Buffers;
using System.Globalization;
using System.Text;
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

    /// <summary>
    /// Tests <paramref name="message"/> like <see cref="Matches"/> (the same answer for every message), reading
    /// it once without building a document; on a match also reads the top-level field
    /// <paramref name="correlateField"/> (when given) as a sequence number: a JSON integer or a string of
    /// decimal digits. Of a field named twice, the last one counts, as in <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.
    /// </summary>
    internal bool MatchesAnswer(string message, string? correlateField, out SequenceField sequence, out long value)
    {
        sequence = SequenceField.Absent;
        value = 0;
        if (Text is not null)
        {
            return string.Equals(message, Text, StringComparison.Ordinal);
        }

        if (JsonField is null || !LooksLikeJsonObject(message))
        {
            return false;
        }

        const int StackBytes = 512;
        var most = Encoding.UTF8.GetMaxByteCount(message.Length);
        var rented = most > StackBytes ? ArrayPool<byte>.Shared.Rent(most) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[StackBytes];
            var utf8 = buffer[..Encoding.UTF8.GetBytes(message, buffer)];
            return ScanObject(utf8, correlateField, ref sequence, ref value);
        }
        catch (JsonException)
        {
            sequence = SequenceField.Absent;
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private bool ScanObject(ReadOnlySpan<byte> utf8, string? correlateField, ref SequenceField sequence, ref long value)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var matched = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isField = reader.ValueTextEquals(JsonField);
            var isCorrelate = correlateField is not null && reader.ValueTextEquals(correlateField);
            reader.Read();
            if (isField)
            {
                matched = EqualsValue is null || ValueEquals(ref reader, utf8, EqualsValue);
            }

            if (isCorrelate)
            {
                sequence = ReadSequence(ref reader, out value);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        // Anything after the object (other than white space) is invalid and throws here, as in a full parse.
        while (reader.Read())
        {
        }

        if (!matched)
        {
            sequence = SequenceField.Absent;
        }

        return matched;
    }

    private static bool ValueEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, string expected)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.ValueTextEquals(expected);
        }

        ReadOnlySpan<byte> raw;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            raw = utf8[start..(int)reader.BytesConsumed];
        }
        else
        {
            raw = reader.ValueSpan;
        }

        return Encoding.UTF8.GetCharCount(raw) == expected.Length && RawEquals(raw, expected);
    }

    private static bool RawEquals(ReadOnlySpan<byte> raw, string expected)
    {
        const int StackChars = 256;
        var rented = expected.Length > StackChars ? ArrayPool<char>.Shared.Rent(expected.Length) : null;
        try
        {
            Span<char> chars = rented ?? stackalloc char[StackChars];
            var written = Encoding.UTF8.GetChars(raw, chars);
            return chars[..written].SequenceEqual(expected);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static SequenceField ReadSequence(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out value) ? SequenceField.Read : SequenceField.Unreadable;
            case JsonTokenType.String when !reader.ValueIsEscaped:
                return long.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out value) ? SequenceField.Read : SequenceField.Unreadable;
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) ? SequenceField.Read : SequenceField.Unreadable;
            default:
                return SequenceField.Unreadable;
        }
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
