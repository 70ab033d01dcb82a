using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class SubstitutionTests
{
    [Theory]
    [InlineData("a = ${b}\nb = 1", "{'a':1,'b':1}")]
    [InlineData("b = 1\na = ${b}", "{'b':1,'a':1}")]
    [InlineData("a = 1\nb = ${a}\na = 2", "{'a':2,'b':2}")]
    [InlineData("a { x = 1 }\nb = ${a}\na { y = 2 }", "{'a':{'x':1,'y':2},'b':{'x':1,'y':2}}")]
    [InlineData("a = ${b.c}\nb = ${d}\nd = { c = 7 }", "{'a':7,'b':{'c':7},'d':{'c':7}}")]
    [InlineData("a = ${b}\nb = ${c}\nc = [1]", "{'a':[1],'b':[1],'c':[1]}")]
    [InlineData("x = [1, ${y}]\ny = 2", "{'x':[1,2],'y':2}")]
    [InlineData("t = true\nn = 1.5\ns = str\nz = null\na = [${t}, ${n}, ${s}, ${z}]", "{'t':true,'n':1.5,'s':'str','z':null,'a':[true,1.5,'str',null]}")]
    public void Substitutions_LookForwardToTheFinalValue(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("bar { foo = 42, baz = ${bar.foo} }", "{'bar':{'foo':42,'baz':42}}")]
    [InlineData("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }", "{'bar':{'foo':43,'baz':43}}")]
    [InlineData("bar { a = ${foo.d}, b = 1 }\nbar.b = 3\nfoo { c = ${bar.b}, d = 2 }\nfoo.d = 4", "{'bar':{'a':4,'b':3},'foo':{'c':3,'d':4}}")]
    [InlineData("a = { x = 1, y = ${a.x} }\na = ${a}", "{'a':{'x':1,'y':1}}")]
    public void Objects_MayReferToTheirOwnFields(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = ${?x}", "{}")]
    [InlineData("a = [${?x}, 1]", "{'a':[1]}")]
    [InlineData("a = { b = ${?x} }", "{'a':{}}")]
    [InlineData("a = 1\na = ${?x}", "{'a':1}")]
    [InlineData("x { p = 1 }\nx = ${?y}", "{'x':{'p':1}}")]
    [InlineData("x = 1\na = ${?x}", "{'x':1,'a':1}")]
    [InlineData("a = ${?b.c}\nb = 5", "{'b':5}")]
    [InlineData("a = ${?b}\nb = ${?a}", "{}")]
    public void OptionalSubstitutions_RemoveTheFieldWhenUndefined(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Fact]
    public void EnvironmentVariables_AreTheFallbackForPathsNotInTheConfig()
    {
        Assert.Equal("/srv/me", TestHocon.Parse("a = ${HOME}", ("HOME", "/srv/me")).GetString("a"));
        Assert.Equal("/srv/me/bin", TestHocon.Parse("a = ${?HOME}\"/bin\"", ("HOME", "/srv/me")).GetString("a"));
        Assert.Equal("config", TestHocon.Parse("HOME = config\na = ${HOME}", ("HOME", "/srv/me")).GetString("a"));
        Assert.Equal(string.Empty, TestHocon.Parse("a = ${EMPTY}", ("EMPTY", string.Empty)).GetString("a"));
        Assert.Equal("42", TestHocon.Parse("a = ${N}", ("N", "42")).GetString("a"));
        Assert.Equal(42, TestHocon.Parse("a = ${N}", ("N", "42")).GetInt("a"));
    }

    [Fact]
    public void EnvironmentVariables_AreBlockedByAConfigNull()
    {
        var config = TestHocon.Parse("HOME = null\na = ${HOME}\nb = ${?HOME} x", ("HOME", "/srv/me"));
        Assert.True(config.GetIsNull("a"));
        Assert.Equal("null x", config.GetString("b"));
    }

    [Fact]
    public void EnvironmentVariables_AreOnlyUsedForSingleKeyPaths()
    {
        var error = TestHocon.Error("a = ${x.HOME}", ("HOME", "/srv/me"), ("x.HOME", "dotted"));
        Assert.Contains("cannot resolve ${x.HOME}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentValues_CarryTheirOrigin()
    {
        var origin = TestHocon.Parse("a = ${HOME}", ("HOME", "/h")).GetOrigin("a");
        Assert.Equal("environment variable HOME", origin.SourceName);
    }

    [Fact]
    public void MissingSubstitution_NamesThePathAndPlace()
    {
        var error = Assert.Throws<HoconException>(() =>
            HoconParser.Parse("db {\n  port = 5432\n}\nurl = ${db.host}", "app.conf", TestHocon.Options()));
        Assert.StartsWith("cannot resolve ${db.host} at app.conf:4:7: no such path", error.Message, StringComparison.Ordinal);
        Assert.Equal((4, 7), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("a = ${b.c}\nb = 5", "no such path (b is the number 5, not an object)")]
    [InlineData("a = ${b.c}\nb { d = 1 }", "no such path (b has no key 'c')")]
    [InlineData("a = [1,2]\nb = ${a.0}", "no such path (a is an array, not an object)")]
    [InlineData("a = ${b}\nb = ${?c}", "b is only defined by optional substitutions that are undefined")]
    public void MissingSubstitution_ExplainsWhy(string text, string fragment) =>
        Assert.Contains(fragment, TestHocon.Error(text).Message, StringComparison.Ordinal);

    [Fact]
    public void HiddenSubstitution_IsNeverEvaluated()
    {
        Assert.Equal(TestHocon.Q("{'foo':42}"), TestHocon.Json("foo = ${does-not-exist}\nfoo = 42"));
        Assert.Equal(TestHocon.Q("{'foo':42}"), TestHocon.Json("foo = ${foo}, foo = 42"));
    }

    [Fact]
    public void SubstitutionResults_KeepTheOriginOfTheReferencedValue()
    {
        var config = TestHocon.Parse("a = ${b}\nb = 7");
        Assert.Equal(new HoconOrigin("test.conf", 2, 5), config.GetOrigin("a"));
    }

    [Theory]
    [InlineData("a0 = \"0123456789abcdef\"\n", "a{0} = ${{a{1}}}${{a{1}}}", "value concatenation produces a string longer than")]
    [InlineData("a0 = [0,1,2,3,4,5,6,7,8,9]\n", "a{0} = ${{a{1}}} ${{a{1}}}", "array concatenation produces more than")]
    [InlineData("a0 = \"0123456789abcdef0123456789abcdef\"\n", "a{0} = [${{a{1}}}, ${{a{1}}}]", "expands to more than")]
    public void DoublingChains_AreRejectedInsteadOfExhaustingMemory(string start, string step, string fragment)
    {
        var text = start + string.Join('\n', Enumerable.Range(1, 40).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, step, i, i - 1)));
        Assert.Contains(fragment, TestHocon.Error(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubstitutionBomb_IsRejectedInsteadOfExhaustingMemory()
    {
        var text = "l0 = [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Join('\n', Enumerable.Range(1, 12).Select(i => $"l{i} = [${{l{i - 1}}}, ${{l{i - 1}}}, ${{l{i - 1}}}, ${{l{i - 1}}}]"));
        var error = TestHocon.Error(text);
        Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
    }
}
