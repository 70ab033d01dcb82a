namespace ActorHeartbeat.Hocon.Tests.Support;

/// <summary>Short helpers for tests: parse with a controlled environment, render, capture errors.</summary>
internal static class TestHocon
{
    /// <summary>Options whose environment contains exactly <paramref name="variables"/>.</summary>
    public static HoconParseOptions Options(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new HoconParseOptions { Environment = name => map.TryGetValue(name, out var value) ? value : null };
    }

    public static Config Parse(string text, params (string Name, string Value)[] variables) =>
        HoconParser.Parse(text, "test.conf", Options(variables));

    /// <summary>Parses, resolves and renders compact JSON.</summary>
    public static string Json(string text, params (string Name, string Value)[] variables) => Parse(text, variables).ToJson();

    /// <summary>Asserts that parsing fails and returns the exception.</summary>
    public static HoconException Error(string text, params (string Name, string Value)[] variables) =>
        Assert.Throws<HoconException>(() => Parse(text, variables));

    /// <summary>Turns single quotes into double quotes so expected JSON reads well in tests.</summary>
    public static string Q(string json) => json.Replace('\'', '"');
}
