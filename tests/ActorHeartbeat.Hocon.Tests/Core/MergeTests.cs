using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class MergeTests
{
    [Theory]
    [InlineData("a = 1\na = 2", "{'a':2}")]
    [InlineData("foo { a = 42 }\nfoo { b = 43 }", "{'foo':{'a':42,'b':43}}")]
    [InlineData("foo { a = 42 }\nfoo = null\nfoo { b = 43 }", "{'foo':{'b':43}}")]
    [InlineData("a { b { c = 1 } }\na.b { d = 2 }\na { b.e = 3 }", "{'a':{'b':{'c':1,'d':2,'e':3}}}")]
    [InlineData("a = { b = { c = 1 } }\na = { b = 2 }", "{'a':{'b':2}}")]
    [InlineData("a = { b = 2 }\na = { b = { c = 1 } }", "{'a':{'b':{'c':1}}}")]
    [InlineData("a = 1\na.b = 2", "{'a':{'b':2}}")]
    [InlineData("a.b = 2\na = 1", "{'a':1}")]
    [InlineData("a = [1, 2]\na = [3]", "{'a':[3]}")]
    [InlineData("a = { x = 1 }\na = [1]", "{'a':[1]}")]
    [InlineData("a = \"s\"\na { x = 1 }\na = t", "{'a':'t'}")]
    [InlineData("{\"a\": 1, \"a\": 2}", "{'a':2}")]
    public void DuplicateKeys_MergeObjectsAndOverrideEverythingElse(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Fact]
    public void WithFallback_MergesInPairsSoAHiddenObjectNeverMerges()
    {
        var first = TestHocon.Parse("a { x = 1 }");
        var number = TestHocon.Parse("a = 42");
        var second = TestHocon.Parse("a { y = 2 }");

        Assert.Equal(TestHocon.Q("{'a':{'x':1}}"), first.WithFallback(number).WithFallback(second).ToJson());
        Assert.Equal(TestHocon.Q("{'a':{'y':2,'x':1}}"), first.WithFallback(second).WithFallback(number).ToJson());
    }

    [Fact]
    public void NullThenObject_ClearsTheDefaultsOfAFallback()
    {
        var app = TestHocon.Parse("headers = null\nheaders { X-Mine = 1 }");
        var defaults = TestHocon.Parse("headers { X-Default = 1 }");
        Assert.Equal(TestHocon.Q("{'headers':{'X-Mine':1}}"), app.WithFallback(defaults).ToJson());

        var unresolvedApp = HoconParser.Parse("headers = null\nheaders { X-Mine = ${v} }\nv = 1", "app.conf", new HoconParseOptions { Resolve = false });
        Assert.Equal(TestHocon.Q("{'headers':{'X-Mine':1},'v':1}"), unresolvedApp.WithFallback(defaults).Resolve().ToJson());
    }

    [Fact]
    public void WithFallback_KeysOfTheFallbackComeFirst()
    {
        var merged = TestHocon.Parse("b = 1, z = 2").WithFallback(TestHocon.Parse("a = 0, b = 0"));
        Assert.Equal(["a", "b", "z"], merged.Root.Keys);
    }

    [Fact]
    public void WithFallback_LeavesBothInputsUnchanged()
    {
        var app = TestHocon.Parse("a { x = 1 }, b = 1");
        var defaults = TestHocon.Parse("a { y = 2 }, c = 3");

        var merged = app.WithFallback(defaults);

        Assert.Equal(TestHocon.Q("{'a':{'y':2,'x':1},'c':3,'b':1}"), merged.ToJson());
        Assert.Equal(TestHocon.Q("{'a':{'x':1},'b':1}"), app.ToJson());
        Assert.Equal(TestHocon.Q("{'a':{'y':2},'c':3}"), defaults.ToJson());
    }

    [Fact]
    public void WithFallback_OfUnresolvedConfigs_LetsTheFileReferToDefaults()
    {
        var unresolved = new HoconParseOptions { Resolve = false, Environment = _ => null };
        var app = HoconParser.Parse("server.url = \"ws://\"${server.host}\":\"${server.port}", "app.conf", unresolved);
        var defaults = HoconParser.Parse("server { host = localhost, port = 8080 }", "defaults.conf", unresolved);

        Assert.False(app.IsResolved);
        var merged = app.WithFallback(defaults).Resolve();

        Assert.True(merged.IsResolved);
        Assert.Equal("ws://localhost:8080", merged.GetString("server.url"));
    }

    [Fact]
    public void MergedObject_KeepsTheOriginOfItsFirstDefinition()
    {
        var config = TestHocon.Parse("x = 0\na { b = 1 }\na { c = 2 }");
        Assert.Equal(new HoconOrigin("test.conf", 2, 3), config.GetOrigin("a"));
        Assert.Equal(new HoconOrigin("test.conf", 3, 9), config.GetOrigin("a.c"));
    }
}
