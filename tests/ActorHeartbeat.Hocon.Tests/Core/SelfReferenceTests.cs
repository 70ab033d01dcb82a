using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class SelfReferenceTests
{
    [Theory]
    [InlineData("path = \"a:b:c\"\npath = ${path}\":d\"", "{'path':'a:b:c:d'}")]
    [InlineData("path = [ /bin ]\npath = ${path} [ /usr/bin ]", "{'path':['/bin','/usr/bin']}")]
    [InlineData("a = abc\na = ${a}def\na = ${a}ghi", "{'a':'abcdefghi'}")]
    [InlineData("a = 1\na = ${a}2\nb = ${a}", "{'a':'12','b':'12'}")]
    [InlineData("foo { a = 1 }\nfoo = ${foo}", "{'foo':{'a':1}}")]
    [InlineData("a = { x = 1 }\na = ${a} { y = 2 }\na = ${a} { z = 3 }", "{'a':{'x':1,'y':2,'z':3}}")]
    [InlineData("a.b = 1\na.c = ${a.b}\na.b = ${a.b}0", "{'a':{'b':'10','c':'10'}}")]
    [InlineData("a { b = 1 }\na.b = ${a.b}5", "{'a':{'b':'15'}}")]
    [InlineData("x = 5\na.b = ${x}\na.b = ${a.b}${a.b}", "{'x':5,'a':{'b':'55'}}")]
    [InlineData("a.b.c = ${a.b.d}\na.b.d = 1\na.b = ${a.b} { e = 3 }", "{'a':{'b':{'c':1,'d':1,'e':3}}}")]
    public void SelfReference_AppendsToPreviousValue(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Fact]
    public void SelfReference_InsideAPath_SeesTheValueBelow()
    {
        Assert.Equal(TestHocon.Q("{'foo':{'a':2,'c':1}}"), TestHocon.Json("foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }"));
    }

    [Theory]
    [InlineData("a = ${?a}foo", "{'a':'foo'}")]
    [InlineData("a = ${?a}", "{}")]
    [InlineData("a = ${?a} { x = 1 }", "{'a':{'x':1}}")]
    [InlineData("a = { b = 1 }\na = ${?a} { c = 2 }", "{'a':{'b':1,'c':2}}")]
    public void OptionalSelfReference_WithoutEarlierValue_IsUndefined(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a += 1", "{'a':[1]}")]
    [InlineData("a += 1\na += 2", "{'a':[1,2]}")]
    [InlineData("a = [0]\na += 1", "{'a':[0,1]}")]
    [InlineData("a = [0]\na += {x:1}", "{'a':[0,{'x':1}]}")]
    [InlineData("a = [0]\na += [1]", "{'a':[0,[1]]}")]
    [InlineData("a += 1 2", "{'a':['1 2']}")]
    [InlineData("x { a += 1 }", "{'x':{'a':[1]}}")]
    [InlineData("a.b += 1\na.b += 2", "{'a':{'b':[1,2]}}")]
    [InlineData("a = [1]\nb = ${a}\na += 2", "{'a':[1,2],'b':[1,2]}")]
    [InlineData("x = [1]\nx += 2\nx += ${?nope}", "{'x':[1,2]}")]
    public void PlusEquals_AppendsToAnArray(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Fact]
    public void PlusEquals_OnANonArray_NamesTheKey()
    {
        var error = TestHocon.Error("a = 1\na += 2");
        Assert.Contains("'a += ...' appends to an array, but the earlier value of a is the number 1", error.Message, StringComparison.Ordinal);
        Assert.Equal((2, 3), (error.Line, error.Column));
    }

    [Fact]
    public void ManyAppends_ResolveInLinearChain()
    {
        var text = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"list += {i}"));
        var list = TestHocon.Parse(text).GetStringList("list");
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), list);
    }

    [Theory]
    [InlineData("a = ${a}", "cannot resolve ${a} at test.conf:1:5: a refers to itself and has no earlier value")]
    [InlineData("a = ${a}bc", "cannot resolve ${a} at test.conf:1:5: a refers to itself")]
    [InlineData("foo = ${foo}\nfoo { a = 1 }", "cannot resolve ${foo} at test.conf:1:7: foo refers to itself")]
    [InlineData("a = ${b}\nb = ${a}", "substitution cycle: a → b → a")]
    [InlineData("a = ${b}\nb = ${c}\nc = ${a}", "substitution cycle: a → b → c → a")]
    [InlineData("a = ${b}\nb = [${a}]", "substitution cycle: a → b → a")]
    [InlineData("a { b = ${a} }", "substitution cycle: a.b → a (${a} at test.conf:1:9)")]
    [InlineData("a = [${a}]", "substitution cycle: ${a} at test.conf:1:6 needs a")]
    [InlineData("a = { x = ${a.y}, y = ${a.x} }", "substitution cycle: a.x → a.y → a.x")]
    [InlineData("a = ${b}\nb = {c = ${a.d}, d = 1}", "substitution cycle: a → b → a.d")]
    public void Cycles_AreReportedWithTheirPath(string text, string fragment) =>
        Assert.Contains(fragment, TestHocon.Error(text).Message, StringComparison.Ordinal);

    [Fact]
    public void Cycle_MessageMatchesTheDocumentedForm()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse("a = ${b}\nb = ${a}", "cyc.conf", TestHocon.Options()));
        Assert.StartsWith("substitution cycle: a → b → a", error.Message, StringComparison.Ordinal);
        Assert.Equal("cyc.conf", error.SourceName);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void OptionalSubstitution_InACycle_IsUndefined()
    {
        Assert.Equal("{}", TestHocon.Json("a = ${?b}\nb = ${?a}"));
        Assert.Contains("cannot resolve ${b}", TestHocon.Error("a = ${b}\nb = ${?a}").Message, StringComparison.Ordinal);
    }
}
