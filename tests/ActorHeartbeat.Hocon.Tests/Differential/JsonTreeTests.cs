namespace ActorHeartbeat.Hocon.Tests.Differential;

public sealed class JsonTreeTests
{
    [Theory]
    [InlineData("""{"a":1,"b":2}""", """{"b":2,"a":1}""")]
    [InlineData("""{"a":1.0}""", """{"a":1}""")]
    [InlineData("""{"a":1e3}""", """{"a":1000}""")]
    [InlineData("""{"a":1.0E-6}""", """{"a":0.000001}""")]
    [InlineData("""{"a":-0}""", """{"a":0}""")]
    [InlineData("""{"a":1e40}""", """{"a":10000000000000000000000000000000000000000}""")]
    [InlineData("""{"a":"x\u0041"}""", """{"a":"xA"}""")]
    [InlineData("""{"a":[1,{"b":null,"c":true}]}""", """{"a":[1,{"c":true,"b":null}]}""")]
    [InlineData("{}", "{}")]
    public void SameTree_HasNoDifference(string expected, string actual)
    {
        Assert.Null(JsonTree.FindDifference(expected, actual));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":"1"}""", "$.a")]
    [InlineData("""{"a":1}""", """{"a":2}""", "$.a")]
    [InlineData("""{"a":1}""", """{}""", "'a' is missing")]
    [InlineData("""{}""", """{"a":1}""", "unexpected key 'a'")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""", "$.a[0]")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "2 elements, got 1")]
    [InlineData("""{"a":true}""", """{"a":false}""", "$.a")]
    [InlineData("""{"a":null}""", """{"a":"null"}""", "$.a")]
    [InlineData("""{"a":{"b":"x"}}""", """{"a":{"b":"X"}}""", "$.a.b")]
    [InlineData("""{"a":{}}""", """{"a":[]}""", "$.a")]
    public void DifferentTrees_ReportWhere(string expected, string actual, string where)
    {
        string? difference = JsonTree.FindDifference(expected, actual);

        Assert.NotNull(difference);
        Assert.Contains(where, difference);
    }

    [Fact]
    public void InvalidJson_IsReportedWithTheText()
    {
        FormatException error = Assert.Throws<FormatException>(() => JsonTree.FindDifference("{\"a\":01}", "{}"));

        Assert.Contains("{\"a\":01}", error.Message);
    }
}
