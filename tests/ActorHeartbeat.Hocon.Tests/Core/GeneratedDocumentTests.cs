using System.Text.Json;
using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

/// <summary>Property: any tree written in any mix of HOCON syntax variants parses back to exactly that tree.</summary>
public sealed class GeneratedDocumentTests
{
    [Fact]
    public void GeneratedDocuments_ParseToTheTreeTheyWereWrittenFrom()
    {
        var random = new SplitMix64(7_331);
        for (var i = 0; i < 1500; i++)
        {
            var document = GeneratedDocument.Create(random);
            string json;
            try
            {
                json = TestHocon.Json(document.Text);
            }
            catch (HoconException e)
            {
                Assert.Fail($"document {i} was rejected: {e.Message}\n--- text ---\n{document.Text}");
                throw;
            }

            using var parsed = JsonDocument.Parse(json);
            var problem = Difference(document.Tree, parsed.RootElement, "$");
            Assert.True(problem is null, $"document {i}: {problem}\n--- text ---\n{document.Text}\n--- json ---\n{json}");
        }
    }

    private static string? Difference(object? expected, JsonElement actual, string where)
    {
        switch (expected)
        {
            case null:
                return actual.ValueKind == JsonValueKind.Null ? null : $"{where}: expected null, got {actual.GetRawText()}";
            case bool b:
                return actual.ValueKind == (b ? JsonValueKind.True : JsonValueKind.False) ? null : $"{where}: expected {b}, got {actual.GetRawText()}";
            case GeneratedDocument.NumberText number:
                return actual.ValueKind == JsonValueKind.Number && actual.GetRawText() == number.Text ? null : $"{where}: expected number {number.Text}, got {actual.GetRawText()}";
            case string s:
                return actual.ValueKind == JsonValueKind.String && actual.GetString() == s ? null : $"{where}: expected string {JsonSerializer.Serialize(s)}, got {actual.GetRawText()}";
            case List<object?> list:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != list.Count)
                {
                    return $"{where}: expected an array of {list.Count}, got {actual.GetRawText()}";
                }

                return list.Select((item, index) => Difference(item, actual[index], $"{where}[{index}]")).FirstOrDefault(p => p is not null);
            case List<KeyValuePair<string, object?>> obj:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return $"{where}: expected an object, got {actual.GetRawText()}";
                }

                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToList();
                var expectedKeys = obj.Select(f => f.Key).ToList();
                if (!actualKeys.SequenceEqual(expectedKeys))
                {
                    return $"{where}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]";
                }

                return obj.Select(f => Difference(f.Value, actual.GetProperty(f.Key), $"{where}.{f.Key}")).FirstOrDefault(p => p is not null);
            default:
                return $"{where}: unexpected expected-value type {expected.GetType().Name}";
        }
    }
}
