using ActorHeartbeat.Hocon.Configuration;

namespace ActorHeartbeat.Hocon.Tests.Configuration;

public sealed class HoconConfigurationFlattenerTests
{
    [Theory]
    [InlineData("a = 1", "a=1")]
    [InlineData("a.b.c = x", "a:b:c=x")]
    [InlineData("a { b = 1, c { d = 2 } }", "a:b=1|a:c:d=2")]
    [InlineData("tags = [x, y]", "tags:0=x|tags:1=y")]
    [InlineData("e = [{ h = a, p = 1 }, { h = b }]", "e:0:h=a|e:0:p=1|e:1:h=b")]
    [InlineData("m = [[1, 2], [3]]", "m:0:0=1|m:0:1=2|m:1:0=3")]
    [InlineData("t = 10s, s = 1 MiB, r = 1.50, big = 1e3", "t=10s|s=1 MiB|r=1.50|big=1e3")]
    [InlineData("y = true, n = false, o = on", "y=true|n=false|o=on")]
    [InlineData("u = null", "u=<null>")]
    [InlineData("o {}, l = []", "o=<null>|l=<null>")]
    [InlineData("\"a.b\" = 1", "a.b=1")]
    [InlineData("x = 1, y = ${x}", "x=1|y=1")]
    [InlineData("", "")]
    public void Flatten_MapsPathsToColonKeysAndArraysToIndexKeys(string hocon, string expected)
    {
        Dictionary<string, string?> data = HoconConfigurationFlattener.Flatten(HoconParser.Parse(hocon).Root);

        string actual = string.Join('|', data.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value ?? "<null>"}"));
        string sortedExpected = string.Join('|', expected.Split('|', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal(sortedExpected, actual);
    }

    [Fact]
    public void Flatten_KeysAreCaseInsensitive_LaterSpellingWins()
    {
        Dictionary<string, string?> data = HoconConfigurationFlattener.Flatten(HoconParser.Parse("Port = 1\nport = 2\n").Root);

        Assert.Equal("2", Assert.Single(data).Value);
        Assert.Equal("2", data["PORT"]);
    }
}
