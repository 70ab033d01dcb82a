using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class IncludeTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Config Load(string file) => HoconParser.ParseFile(file, TestHocon.Options());

    private HoconException LoadError(string file) => Assert.Throws<HoconException>(() => Load(file));

    [Fact]
    public void Include_MergesTheFileInPlaceOfTheStatement()
    {
        _dir.Write("other.conf", "b = from-other\nc = from-other");
        var main = _dir.Write("main.conf", "a = 1\nb = before\ninclude \"other.conf\"\nc = after");
        Assert.Equal(TestHocon.Q("{'a':1,'b':'from-other','c':'after'}"), Load(main).ToJson());
    }

    [Fact]
    public void Include_IsRelativeToTheIncludingFile_NotTheWorkingDirectory()
    {
        _dir.Write("conf/sub/leaf.conf", "leaf = true");
        _dir.Write("conf/sub/mid.conf", "include \"leaf.conf\"\nmid = true");
        var main = _dir.Write("conf/main.conf", "include \"sub/mid.conf\"\ninclude file(\"sub/leaf.conf\")\nx { include required(file(\"sub/leaf.conf\")) }");
        Assert.Equal(TestHocon.Q("{'leaf':true,'mid':true,'x':{'leaf':true}}"), Load(main).ToJson());
    }

    [Theory]
    [InlineData("include \"missing.conf\"\na = 1")]
    [InlineData("include file(\"missing.conf\")\na = 1")]
    [InlineData("include \"missing\"\na = 1")]
    public void MissingInclude_IsSilentlyIgnored(string text) =>
        Assert.Equal(TestHocon.Q("{'a':1}"), Load(_dir.Write("main.conf", text)).ToJson());

    [Theory]
    [InlineData("include required(\"missing.conf\")")]
    [InlineData("include required(file(\"missing.conf\"))")]
    [InlineData("include required( file( \"missing\" ) )")]
    public void MissingRequiredInclude_IsAnError(string text)
    {
        var error = LoadError(_dir.Write("main.conf", "\n" + text));
        Assert.Contains("required include 'missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void IncludeWithoutExtension_LoadsPropertiesJsonAndConfInThatOrder()
    {
        _dir.Write("base.properties", "p = from-properties\nshared = properties\nnested.key=value");
        _dir.Write("base.json", """{ "j": 1, "shared": "json" }""");
        _dir.Write("base.conf", "c = 2\nshared = conf");
        var main = _dir.Write("main.conf", "include \"base\"");
        Assert.Equal(
            TestHocon.Q("{'p':'from-properties','shared':'conf','nested':{'key':'value'},'j':1,'c':2}"),
            Load(main).ToJson());
    }

    [Fact]
    public void IncludeWithUnknownExtension_LoadsTheFileAsHocon()
    {
        _dir.Write("settings.txt", "a = 1");
        Assert.Equal(TestHocon.Q("{'a':1}"), Load(_dir.Write("main.conf", "include \"settings.txt\"")).ToJson());
    }

    [Fact]
    public void PropertiesFiles_FollowJavaPropertiesSyntax()
    {
        _dir.Write("p.properties", "# comment\n! also comment\na.b = 1\nc : two words \\\n    continued\nd e\\u0041\nf=x\\ty\n  g = spaced  \na = overridden-by-object\n");
        var config = Load(_dir.Write("main.conf", "include \"p.properties\""));
        Assert.Equal("1", config.GetString("a.b"));
        Assert.Equal("two words continued", config.GetString("c"));
        Assert.Equal("eA", config.GetString("d"));
        Assert.Equal("x\ty", config.GetString("f"));
        Assert.Equal("spaced  ", config.GetString("g"));
    }

    [Fact]
    public void IncludedSubstitutions_LookBelowTheIncludeFirstThenAtTheRoot()
    {
        _dir.Write("foo.conf", "x = 10\ny = ${x}\nz = ${top}\nw += 1");
        var main = _dir.Write("main.conf", "top = 99\na { include \"foo.conf\" }\nb { include \"foo.conf\" }\nb.x = 42");
        Assert.Equal(
            TestHocon.Q("{'top':99,'a':{'x':10,'y':10,'z':99,'w':[1]},'b':{'x':42,'y':42,'z':99,'w':[1]}}"),
            Load(main).ToJson());
    }

    [Fact]
    public void IncludeInsideAnArrayElement_Works()
    {
        _dir.Write("item.conf", "name = item");
        Assert.Equal(TestHocon.Q("{'a':[{'name':'item','n':1}]}"), Load(_dir.Write("main.conf", "a = [ { include \"item.conf\", n = 1 } ]")).ToJson());
    }

    [Fact]
    public void Include_AllowsNewlinesBeforeTheNameAndCommasAfter()
    {
        _dir.Write("x.conf", "x = 1");
        Assert.Equal(TestHocon.Q("{'x':1,'y':2}"), Load(_dir.Write("main.conf", "include\n  \"x.conf\", y = 2")).ToJson());
    }

    [Fact]
    public void IncludeCycle_IsReportedWithTheChain()
    {
        _dir.Write("a.conf", "a = 1\ninclude \"b.conf\"");
        _dir.Write("b.conf", "b = 2\ninclude \"a.conf\"");
        var error = LoadError(Path.Combine(_dir.Root, "a.conf"));
        Assert.Contains("include cycle: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.conf → ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("b.conf → " + Path.Combine(_dir.Root, "a.conf"), error.Message, StringComparison.Ordinal);
        Assert.EndsWith("b.conf", error.SourceName, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void SelfInclude_IsACycle()
    {
        var main = _dir.Write("self.conf", "include \"self.conf\"");
        Assert.Contains("include cycle", LoadError(main).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludingTheSameFileTwice_IsNotACycle()
    {
        _dir.Write("x.conf", "v = 1");
        Assert.Equal(TestHocon.Q("{'a':{'v':1},'b':{'v':1}}"), Load(_dir.Write("main.conf", "a { include \"x.conf\" }\nb { include \"x.conf\" }")).ToJson());
    }

    [Fact]
    public void DeepIncludeChain_StopsAtTheLimit()
    {
        for (var i = 0; i < 60; i++)
        {
            _dir.Write($"chain{i}.conf", $"v{i} = {i}\ninclude \"chain{i + 1}.conf\"");
        }

        Assert.Contains("includes nested more than 50 levels", LoadError(Path.Combine(_dir.Root, "chain0.conf")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludedFile_WithAnArrayRoot_IsAnError()
    {
        _dir.Write("list.json", "[1, 2]");
        var error = LoadError(_dir.Write("main.conf", "include \"list.json\""));
        Assert.Contains("root of a configuration must be an object", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("list.json", error.SourceName, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxErrorInIncludedFile_NamesThatFile()
    {
        _dir.Write("bad.conf", "ok = 1\nbroken = \"x");
        var error = LoadError(_dir.Write("main.conf", "include \"bad.conf\""));
        Assert.EndsWith("bad.conf", error.SourceName, StringComparison.Ordinal);
        Assert.Equal((2, 10), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("include url(\"http://example.com/x.conf\")", "only files can be included")]
    [InlineData("include \"https://example.com/x.conf\"", "only files can be included")]
    [InlineData("include classpath(\"x.conf\")", "there are no classpath resources on .NET")]
    [InlineData("include \"\"", "an include needs a file name")]
    public void UnsupportedIncludes_AreErrors(string text, string fragment) =>
        Assert.Contains(fragment, LoadError(_dir.Write("main.conf", text)).Message, StringComparison.Ordinal);

    [Fact]
    public void FileUrl_IsIncludedAsAFile()
    {
        var target = _dir.Write("target.conf", "t = 1");
        var main = _dir.Write("main.conf", $"include \"{new Uri(target).AbsoluteUri}\"");
        Assert.Equal(TestHocon.Q("{'t':1}"), Load(main).ToJson());
    }

    [Fact]
    public void ParseText_ResolvesIncludesAgainstTheBaseDirectory()
    {
        _dir.Write("x.conf", "x = 1");
        var config = HoconParser.Parse("include \"x.conf\"", "inline", new HoconParseOptions { BaseDirectory = _dir.Root });
        Assert.Equal(1, config.GetInt("x"));
    }

    [Fact]
    public void Origins_NameTheIncludedFile()
    {
        var other = _dir.Write("other.conf", "\n  v = 5");
        var config = Load(_dir.Write("main.conf", "include \"other.conf\""));
        Assert.Equal(new HoconOrigin(other, 2, 7), config.GetOrigin("v"));
    }
}
