using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class RenderingTests
{
    [Theory]
    [InlineData("a = \"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0001\\u007f\\u2028\"", "{\"a\":\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0001\\u007f\\u2028\"}")]
    [InlineData("\"k\\\"ey\" = \u00e9\u4e2d", "{\"k\\\"ey\":\"\u00e9\u4e2d\"}")]
    public void ToJson_EscapesStringsAsJson(string text, string json) => Assert.Equal(json, TestHocon.Json(text));

    [Theory]
    [InlineData("a = 1.50", "1.50")]
    [InlineData("a = 1e400", "1e400")]
    [InlineData("a = 00", "0")]
    [InlineData("a = 007", "7")]
    [InlineData("a = -00.50", "-0.50")]
    [InlineData("a = 1.", "1")]
    [InlineData("a = 1.e5", "1e5")]
    [InlineData("a = -.5", "-0.5")]
    public void ToJson_WritesNumbersAsWrittenWhereJsonAllows(string text, string number) =>
        Assert.Equal("{\"a\":" + number + "}", TestHocon.Json(text));

    [Fact]
    public void ToJson_OfAnUnresolvedConfig_IsAnError()
    {
        var config = HoconParser.Parse("a = ${b}, b = 1", "u.conf", new HoconParseOptions { Resolve = false });
        Assert.Contains("call Resolve() before ToJson()", Assert.Throws<HoconException>(config.ToJson).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHocon_IsReadable()
    {
        var config = TestHocon.Parse("a { b = 1, c = [x, \"y z\"] }\nempty {}\nlist = []\n\"odd key\" = true\ninclude.x = null");
        const string expected = """
            a {
                b = 1
                c = [
                    "x",
                    "y z"
                ]
            }
            empty {}
            list = []
            "odd key" = true
            "include" {
                x = null
            }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), config.ToHocon());
    }

    [Theory]
    [InlineData("a = 1\nb = [1, [2, {c = \"x\\ny\"}]]\nd { e.f = -0.5e3, g = \"\" }")]
    [InlineData("\"\" = 1\n\"a.b\" { \" \" = \"\\u0000\\t\" }\nfoo\" x\" = 2")]
    [InlineData("a = \"\"\"multi\nline\"\"\"\nb = 10.0foo\nc = yes")]
    public void ToHocon_ParsesBackToTheSameTree(string text)
    {
        var config = TestHocon.Parse(text);
        Assert.Equal(config.ToJson(), TestHocon.Json(config.ToHocon()));
    }

    [Fact]
    public void ToHocon_OfAnUnresolvedConfig_KeepsSubstitutionsAndStackedDefinitions()
    {
        const string text = "base = [1]\nbase += 2\npath = ${?PATH}\":/bin\"\no { x = 1 }\no = ${other}\nother { y = 2 }";
        var unresolved = HoconParser.Parse(text, "u.conf", new HoconParseOptions { Resolve = false, Environment = _ => null });
        var rendered = unresolved.ToHocon();
        Assert.Contains("${?PATH}", rendered, StringComparison.Ordinal);
        Assert.Equal(TestHocon.Json(text), TestHocon.Json(rendered));
    }
}
