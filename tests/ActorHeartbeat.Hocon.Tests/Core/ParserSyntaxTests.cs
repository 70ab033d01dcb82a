using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class ParserSyntaxTests
{
    [Theory]
    [InlineData("a = 1\nb : x", "{'a':1,'b':'x'}")]
    [InlineData("{ a = 1, b = 2 }", "{'a':1,'b':2}")]
    [InlineData("  \n { a = 1 } \n # trailing comment\n", "{'a':1}")]
    [InlineData("", "{}")]
    [InlineData("   \n\n  ", "{}")]
    [InlineData("# only a comment\n// and another", "{}")]
    [InlineData("{}", "{}")]
    public void RootBraces_AreOptional(string text, string json) => Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = 1", "{'a':1}")]
    [InlineData("a : 1", "{'a':1}")]
    [InlineData("a { b = 1 }", "{'a':{'b':1}}")]
    [InlineData("a = { b = 1 }", "{'a':{'b':1}}")]
    [InlineData("a : { b : 1 }", "{'a':{'b':1}}")]
    [InlineData("a\n= 1", "{'a':1}")]
    [InlineData("a =\n  1", "{'a':1}")]
    [InlineData("a\n{ b = 1 }", "{'a':{'b':1}}")]
    public void KeyValueSeparator_EqualsColonOrNothingBeforeBrace(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = 1, b = 2", "{'a':1,'b':2}")]
    [InlineData("a = 1\nb = 2", "{'a':1,'b':2}")]
    [InlineData("a = 1,\nb = 2,", "{'a':1,'b':2}")]
    [InlineData("a = 1\n\n,b = 2", "{'a':1,'b':2}")]
    [InlineData("{ a = 1, }", "{'a':1}")]
    [InlineData("a = [1,2,3]", "{'a':[1,2,3]}")]
    [InlineData("a = [1,2,3,]", "{'a':[1,2,3]}")]
    [InlineData("a = [1\n2\n3]", "{'a':[1,2,3]}")]
    [InlineData("a = [\n  1,\n  2\n]", "{'a':[1,2]}")]
    [InlineData("a = [\n]", "{'a':[]}")]
    [InlineData("a = {\n}", "{'a':{}}")]
    public void CommasAndNewlines_SeparateFieldsAndElements(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = 1 # comment", "{'a':1}")]
    [InlineData("a = 1 // comment", "{'a':1}")]
    [InlineData("a = b//c", "{'a':'b'}")]
    [InlineData("a = foo#bar", "{'a':'foo'}")]
    [InlineData("a = \"x // y # z\"", "{'a':'x // y # z'}")]
    [InlineData("a = [ 1 # one\n 2 // two\n]", "{'a':[1,2]}")]
    [InlineData("# a = 1\nb = 2", "{'b':2}")]
    public void Comments_RunToEndOfLineOutsideQuotes(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("a = foo", "{'a':'foo'}")]
    [InlineData("a = foo bar  baz", "{'a':'foo bar  baz'}")]
    [InlineData("a = /usr/local/bin", "{'a':'/usr/local/bin'}")]
    [InlineData("a = x.y-z_w(1)%", "{'a':'x.y-z_w(1)%'}")]
    [InlineData("a = truefoo", "{'a':'truefoo'}")]
    [InlineData("a = footrue", "{'a':'footrue'}")]
    [InlineData("a = nullx", "{'a':'nullx'}")]
    [InlineData("a = 10.0bar", "{'a':'10.0bar'}")]
    [InlineData("a = 5 seconds", "{'a':'5 seconds'}")]
    [InlineData("a = include", "{'a':'include'}")]
    [InlineData("a = - ", "{'a':'-'}")]
    [InlineData("a = 1-2", "{'a':'1-2'}")]
    [InlineData("a = 1.2.3", "{'a':'1.2.3'}")]
    [InlineData("a = .5", "{'a':'.5'}")]
    public void UnquotedStrings_EndAtForbiddenCharacters(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Theory]
    [InlineData("""a = "\"\\\/\b\f\n\r\t\u0041\u00e9" """, "{\"a\":\"\\\"\\\\/\\b\\f\\n\\r\\tA\u00e9\"}")]
    [InlineData("""a = "" """, "{\"a\":\"\"}")]
    [InlineData("""a = "\ud83d\ude00" """, "{\"a\":\"\U0001F600\"}")]
    public void QuotedStrings_DecodeEveryJsonEscape(string text, string json) => Assert.Equal(json, TestHocon.Json(text));

    [Theory]
    [InlineData("a = \"\"\"multi\nline \"quoted\"\n text\"\"\"", "multi\nline \"quoted\"\n text")]
    [InlineData("a = \"\"\"\"\"\"", "")]
    [InlineData("a = \"\"\"x\"\"\"\"", "x\"")]
    [InlineData("a = \"\"\"x\"\"\"\"\"\"", "x\"\"\"")]
    [InlineData("a = \"\"\"no \\n escapes ${x}\"\"\"", "no \\n escapes ${x}")]
    public void TripleQuotedStrings_AreTakenVerbatim(string text, string expected) =>
        Assert.Equal(expected, TestHocon.Parse(text).GetString("a"));

    [Theory]
    [InlineData("a = 42", "42")]
    [InlineData("a = -7", "-7")]
    [InlineData("a = 9223372036854775807", "9223372036854775807")]
    [InlineData("a = 123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("a = 1.50", "1.50")]
    [InlineData("a = -0.0", "-0.0")]
    [InlineData("a = 1e3", "1e3")]
    [InlineData("a = 1.0E+2", "1.0E+2")]
    [InlineData("a = -5.5e-3", "-5.5e-3")]
    public void Numbers_KeepTheirOriginalText(string text, string expected)
    {
        var value = Assert.IsType<HoconScalar>(TestHocon.Parse(text).GetValue("a"));
        Assert.Equal(HoconScalarKind.Number, value.Kind);
        Assert.Equal(expected, value.Text);
        Assert.Equal("{\"a\":" + expected + "}", TestHocon.Json(text));
    }

    [Theory]
    [InlineData("a = true", HoconScalarKind.Boolean, "true")]
    [InlineData("a = false", HoconScalarKind.Boolean, "false")]
    [InlineData("a = null", HoconScalarKind.Null, "null")]
    [InlineData("a = yes", HoconScalarKind.String, "yes")]
    [InlineData("a = off", HoconScalarKind.String, "off")]
    [InlineData("a = \"true\"", HoconScalarKind.String, "true")]
    public void Literals_HaveTheirJsonKinds(string text, HoconScalarKind kind, string expected)
    {
        var value = Assert.IsType<HoconScalar>(TestHocon.Parse(text).GetValue("a"));
        Assert.Equal(kind, value.Kind);
        Assert.Equal(expected, value.Text);
    }

    [Theory]
    [InlineData("a = 1\r\nb = foo bar \r\nc = [1\r\n2]\r\n", "{'a':1,'b':'foo bar','c':[1,2]}")]
    [InlineData("\uFEFFa = 1", "{'a':1}")]
    [InlineData("a\t=\t1\f", "{'a':1}")]
    [InlineData("a\u00A0=\u2003b\u00A0c", "{'a':'b\u00A0c'}")]
    public void Whitespace_IncludesUnicodeSeparatorsAndBom(string text, string json) =>
        Assert.Equal(TestHocon.Q(json), TestHocon.Json(text));

    [Fact]
    public void JsonDocument_ParsesAsJson()
    {
        const string json = """{"a":1,"b":[true,false,null],"c":{"d":-1.5e2,"e":"x\ny"}}""";
        Assert.Equal(json, TestHocon.Json(json));
    }

    [Fact]
    public void KeysKeepFirstDefinitionOrder()
    {
        var config = TestHocon.Parse("b = 1\na = 2\nb = 3\nc { y = 1, x = 2 }\nc.y = 5");
        Assert.Equal(["b", "a", "c"], config.Root.Keys);
        Assert.Equal(TestHocon.Q("{'b':3,'a':2,'c':{'y':5,'x':2}}"), config.ToJson());
    }
}
