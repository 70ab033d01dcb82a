using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class ConcatenationTests
{
    [Theory]
    [InlineData("a = foo bar", "{'a':'foo bar'}")]
    [InlineData("a = \"x\"  \"y\" ", "{'a':'x  y'}")]
    [InlineData("a = \"foo\"bar", "{'a':'foobar'}")]
    [InlineData("a = 1 2 true null 1.50", "{'a':'1 2 true null 1.50'}")]
    [InlineData("a = tr ue", "{'a':'tr ue'}")]
    [InlineData("a = - 5", "{'a':'- 5'}")]
    [InlineData("a = \"\"\"x\"\"\" y", "{'a':'x y'}")]
    [InlineData("x = 1\na = ${x}${x} ${x} \"${x}\" ${x}", "{'x':1,'a':'11 1 ${x} 1'}")]
    [InlineData("x = 1e3\na = ${x}ms", "{'x':1e3,'a':'1e3ms'}")]
    [InlineData("x = null\na = ${x} x", "{'x':null,'a':'null x'}")]
    public void SimpleValues_JoinIntoOneStringKeepingInnerWhitespace(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Fact]
    public void SurroundingWhitespace_IsTrimmedButInnerWhitespaceKept() =>
        Assert.Equal("foo \t bar", TestHocon.Parse("a =   foo \t bar   ").GetString("a"));

    [Theory]
    [InlineData("a = [1, 2] [3, 4]", "{'a':[1,2,3,4]}")]
    [InlineData("a = [1] [2] [3]", "{'a':[1,2,3]}")]
    [InlineData("x = [1]\na = ${x} [2] ${x}", "{'x':[1],'a':[1,2,1]}")]
    [InlineData("a = [ 1 2 3 4 ]", "{'a':['1 2 3 4']}")]
    [InlineData("a = [ [1, 2] [3, 4] ]", "{'a':[[1,2,3,4]]}")]
    [InlineData("a = [ [1, 2]\n [3, 4] ]", "{'a':[[1,2],[3,4]]}")]
    [InlineData("x = { \"0\" = a, \"1\" = b }\na = [z] ${x}", "{'x':{'0':'a','1':'b'},'a':['z','a','b']}")]
    public void Arrays_Concatenate(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = { b = 1 } { c = 2 }", "{'a':{'b':1,'c':2}}")]
    [InlineData("a = { b = 1 } { b = 2 }", "{'a':{'b':2}}")]
    [InlineData("x = {p:1}\na = ${x} {q:2} ${x}", "{'x':{'p':1},'a':{'p':1,'q':2}}")]
    [InlineData("generic = { size = 6 }\neast = ${generic} { name = east }", "{'generic':{'size':6},'east':{'size':6,'name':'east'}}")]
    public void Objects_ConcatenateByMerging(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = ${?x} [1]", "{'a':[1]}")]
    [InlineData("a = [1] ${?x}", "{'a':[1]}")]
    [InlineData("a = ${?x} {b:1}", "{'a':{'b':1}}")]
    [InlineData("a = {x:1} ${?q} {y:2}", "{'a':{'x':1,'y':2}}")]
    [InlineData("x = [1]\na = ${?y} ${x}", "{'x':[1],'a':[1]}")]
    [InlineData("a = ${?x} foo", "{'a':' foo'}")]
    [InlineData("a = foo ${?x} bar", "{'a':'foo  bar'}")]
    [InlineData("a = ${?x} ${?y}", "{'a':' '}")]
    [InlineData("a = ${?x}${?y}", "{}")]
    public void UndefinedOptionalParts_BecomeEmpty(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("x = \"str\"\na = ${x} [1]", "cannot concatenate an array with the string \"str\"")]
    [InlineData("x = 1\na = ${x} [1]", "cannot concatenate an array with the number 1")]
    [InlineData("x = [1]\na = foo ${x}", "cannot concatenate an array with the string \"foo\"")]
    [InlineData("x = {k:1}\na = ${x} [1]", "cannot concatenate an array with an object")]
    [InlineData("x = null\na = ${x} {k:1}", "cannot concatenate an object with null")]
    public void MixingSimpleAndStructuredValues_IsAnError(string text, string fragment)
    {
        var error = TestHocon.Error(text);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }
}
