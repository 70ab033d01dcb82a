using System.Globalization;
using System.Text.Json;

namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>
/// Semantic comparison of two JSON documents: object key order is ignored (the reference sorts keys,
/// we keep insertion order), numbers compare by value (<c>1.0</c> equals <c>1</c>, <c>1e3</c> equals
/// <c>1000</c>), strings compare ordinally, arrays element by element.
/// </summary>
internal static class JsonTree
{
    /// <summary>Returns null when both texts denote the same tree, otherwise where and how they first differ.</summary>
    public static string? FindDifference(string expectedJson, string actualJson)
    {
        using JsonDocument expected = Parse(expectedJson, "expected");
        using JsonDocument actual = Parse(actualJson, "actual");
        return FindDifference(expected.RootElement, actual.RootElement, "$");
    }

    private static JsonDocument Parse(string json, string side)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"The {side} output is not valid JSON ({e.Message}): {json}", e);
        }
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (Category(expected.ValueKind) != Category(actual.ValueKind))
        {
            return $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return FindObjectDifference(expected, actual, path);
            case JsonValueKind.Array:
                int expectedLength = expected.GetArrayLength();
                int actualLength = actual.GetArrayLength();
                if (expectedLength != actualLength)
                {
                    return $"{path}: expected {expectedLength} elements, got {actualLength}";
                }

                for (int i = 0; i < expectedLength; i++)
                {
                    string? difference = FindDifference(expected[i], actual[i], $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal)
                    ? null
                    : $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
            case JsonValueKind.Number:
                return NumbersEqual(expected.GetRawText(), actual.GetRawText())
                    ? null
                    : $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
            default:
                // true/false/null: equal kinds are equal values.
                return expected.ValueKind == actual.ValueKind ? null : $"{path}: expected {Describe(expected)}, got {Describe(actual)}";
        }
    }

    private static string? FindObjectDifference(JsonElement expected, JsonElement actual, string path)
    {
        var actualFields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in actual.EnumerateObject())
        {
            if (!actualFields.TryAdd(property.Name, property.Value))
            {
                return $"{path}: key '{property.Name}' appears twice in the actual output";
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in expected.EnumerateObject())
        {
            seen.Add(property.Name);
            if (!actualFields.TryGetValue(property.Name, out JsonElement actualValue))
            {
                return $"{path}: key '{property.Name}' is missing";
            }

            string? difference = FindDifference(property.Value, actualValue, $"{path}.{property.Name}");
            if (difference is not null)
            {
                return difference;
            }
        }

        string? extra = actualFields.Keys.FirstOrDefault(key => !seen.Contains(key));
        return extra is null ? null : $"{path}: unexpected key '{extra}'";
    }

    private static bool NumbersEqual(string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(expected, style, CultureInfo.InvariantCulture, out decimal expectedDecimal)
            && decimal.TryParse(actual, style, CultureInfo.InvariantCulture, out decimal actualDecimal))
        {
            return expectedDecimal == actualDecimal;
        }

        // Outside decimal's range: compare as doubles (both sides went through the same rounding).
        return double.Parse(expected, style, CultureInfo.InvariantCulture) == double.Parse(actual, style, CultureInfo.InvariantCulture);
    }

    private static int Category(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => (int)JsonValueKind.True,
        _ => (int)kind,
    };

    private static string Describe(JsonElement element)
    {
        string raw = element.GetRawText();
        string shown = raw.Length > 80 ? raw[..77] + "..." : raw;
        return $"{element.ValueKind.ToString().ToLowerInvariant()} {shown}";
    }
}
