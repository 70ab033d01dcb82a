using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class PathExpressionTests
{
    [Theory]
    [InlineData("a.b.c = 1", "{'a':{'b':{'c':1}}}")]
    [InlineData("a.\"b.c\".d = 1", "{'a':{'b.c':{'d':1}}}")]
    [InlineData("\"a.b\" = 1", "{'a.b':1}")]
    [InlineData("a.\"\".b = 1", "{'a':{'':{'b':1}}}")]
    [InlineData("\"\" = 1", "{'':1}")]
    [InlineData("a b c = 1", "{'a b c':1}")]
    [InlineData("a . b = 1", "{'a ':{' b':1}}")]
    [InlineData("10.0foo = 1", "{'10':{'0foo':1}}")]
    [InlineData("foo10.0 = 1", "{'foo10':{'0':1}}")]
    [InlineData("foo\"10.0\" = 1", "{'foo10.0':1}")]
    [InlineData("1.2.3 = 1", "{'1':{'2':{'3':1}}}")]
    [InlineData("3 = 42", "{'3':42}")]
    [InlineData("true = 1", "{'true':1}")]
    [InlineData("null = 1", "{'null':1}")]
    [InlineData("\"include\" = 1", "{'include':1}")]
    [InlineData("foo include = 1", "{'foo include':1}")]
    [InlineData("include.x = 1", "{'include':{'x':1}}")]
    [InlineData("a-b_c = 1", "{'a-b_c':1}")]
    [InlineData("- = 1", "{'-':1}")]
    public void Keys_ArePathExpressions(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = ${x.y}\nx.y = 1", "{'a':1,'x':{'y':1}}")]
    [InlineData("a = ${ x }\nx = 1", "{'a':1,'x':1}")]
    [InlineData("a = ${\"x.y\"}\n\"x.y\" = 1", "{'a':1,'x.y':1}")]
    [InlineData("a = ${x.\"y.z\"}\nx { \"y.z\" = 2 }", "{'a':2,'x':{'y.z':2}}")]
    [InlineData("a = ${a b}\n\"a b\" = 1", "{'a':1,'a b':1}")]
    [InlineData("a = ${10.5}\n10.5 = 7", "{'a':7,'10':{'5':7}}")]
    public void Substitutions_UseThePathSyntaxOfKeys(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a.b.c", true)]
    [InlineData("a.\"b.c\"", false)]
    [InlineData("a . b", false)]
    public void Getters_AcceptPathExpressions(string path, bool expected)
    {
        var config = TestHocon.Parse("a { b { c = 1 } }");
        Assert.Equal(expected, config.HasPath(path));
        var quoted = TestHocon.Parse("a { \"b.c\" = 1, \"x y\" = 2 }");
        Assert.Equal(1, quoted.GetInt("a.\"b.c\""));
        Assert.Equal(2, quoted.GetInt("a.\"x y\""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a=b")]
    [InlineData("${a}")]
    public void Getters_RejectInvalidPathExpressions(string path)
    {
        var config = TestHocon.Parse("a = 1");
        var error = Assert.Throws<ArgumentException>(() => config.HasPath(path));
        Assert.Contains("not a valid path expression", error.Message, StringComparison.Ordinal);
    }
}
