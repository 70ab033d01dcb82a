using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class GetterTests
{
    private static readonly Config Sample = HoconParser.Parse(
        """
        s = hello
        quoted = "42"
        n = 1.50
        i = 7
        big = 3000000000
        huge = 123456789012345678901234567890
        frac = 1.5
        exp = 1e3
        neg = -12
        t = true
        f = false
        y = yes
        off = off
        nul = null
        obj { a = 1, b { c = "deep" } }
        arr = [ x, 2, true, 1.50 ]
        numbered { "1" = b, "0" = a, other = ignored }
        mixed = [ x, null ]
        padded = " 7 "
        """,
        "app.conf",
        TestHocon.Options());

    [Theory]
    [InlineData("s", "hello")]
    [InlineData("quoted", "42")]
    [InlineData("n", "1.50")]
    [InlineData("t", "true")]
    [InlineData("obj.b.c", "deep")]
    public void GetString_ConvertsScalarsAsWritten(string path, string expected) => Assert.Equal(expected, Sample.GetString(path));

    [Theory]
    [InlineData("i", 7L)]
    [InlineData("quoted", 42L)]
    [InlineData("big", 3000000000L)]
    [InlineData("exp", 1000L)]
    [InlineData("neg", -12L)]
    [InlineData("padded", 7L)]
    public void GetLong_AcceptsWholeNumbersAndNumericStrings(string path, long expected) => Assert.Equal(expected, Sample.GetLong(path));

    [Theory]
    [InlineData("big", "is out of range for a 32-bit integer")]
    [InlineData("frac", "is not a whole number")]
    [InlineData("s", "is not a number")]
    [InlineData("nul", "is null, expected a number")]
    [InlineData("obj", "is an object, expected a number")]
    [InlineData("missing", "no such setting (the configuration has no key 'missing')")]
    [InlineData("obj.zz", "no such setting (obj has no key 'zz')")]
    [InlineData("s.x", "s is the string \"hello\", not an object")]
    public void GetInt_RejectsWhatIsNotA32BitInteger(string path, string fragment)
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetInt(path));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("app.conf:", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetLong_OutOfRange_IsAnError() =>
        Assert.Contains("out of range for a 64-bit integer", Assert.Throws<HoconException>(() => Sample.GetLong("huge")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("n", 1.5)]
    [InlineData("exp", 1000.0)]
    [InlineData("quoted", 42.0)]
    [InlineData("neg", -12.0)]
    public void GetDouble_ParsesNumbers(string path, double expected) => Assert.Equal(expected, Sample.GetDouble(path));

    [Theory]
    [InlineData("t", true)]
    [InlineData("f", false)]
    [InlineData("y", true)]
    [InlineData("off", false)]
    public void GetBoolean_AcceptsTrueFalseYesNoOnOff(string path, bool expected) => Assert.Equal(expected, Sample.GetBoolean(path));

    [Fact]
    public void GetBoolean_RejectsOtherStrings()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetBoolean("s"));
        Assert.Equal("app.conf:1:5: s: 'hello' is not a boolean (use true/false, yes/no or on/off)", error.Message);
        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Fact]
    public void GetStringList_ConvertsElements()
    {
        Assert.Equal(["x", "2", "true", "1.50"], Sample.GetStringList("arr"));
        Assert.Equal(["a", "b"], Sample.GetStringList("numbered"));
        Assert.Contains("mixed[1]: is null", Assert.Throws<HoconException>(() => Sample.GetStringList("mixed")).Message, StringComparison.Ordinal);
        Assert.Contains("expected an array", Assert.Throws<HoconException>(() => Sample.GetStringList("s")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasPath_IsFalseForNull_HasPathOrNullIsTrue()
    {
        Assert.True(Sample.HasPath("obj.b.c"));
        Assert.False(Sample.HasPath("nul"));
        Assert.True(Sample.HasPathOrNull("nul"));
        Assert.True(Sample.GetIsNull("nul"));
        Assert.False(Sample.HasPath("obj.nope"));
        Assert.False(Sample.HasPath("s.deeper"));
        Assert.False(Sample.HasPathOrNull("nothing"));
    }

    [Fact]
    public void GetConfig_ReturnsTheSubtree()
    {
        var obj = Sample.GetConfig("obj");
        Assert.Equal(1, obj.GetInt("a"));
        Assert.Equal("deep", obj.GetString("b.c"));
        Assert.Equal(["a", "b"], obj.Root.Keys);
        Assert.Contains("expected an object", Assert.Throws<HoconException>(() => Sample.GetConfig("arr")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOrigin_GivesFileLineAndColumnOfEveryValue()
    {
        Assert.Equal(new HoconOrigin("app.conf", 1, 5), Sample.GetOrigin("s"));
        Assert.Equal(new HoconOrigin("app.conf", 15, 5), Sample.GetOrigin("obj"));
        Assert.Equal(new HoconOrigin("app.conf", 15, 22), Sample.GetOrigin("obj.b.c"));
        Assert.Equal(new HoconOrigin("app.conf", 16, 7), Sample.GetOrigin("arr"));
        var arrayItems = Assert.IsType<HoconArray>(Sample.GetValue("arr")).Items;
        Assert.Equal(new HoconOrigin("app.conf", 16, 12), arrayItems[1].Origin);
    }

    [Fact]
    public void GetterErrors_FollowTheDocumentedForm()
    {
        var config = HoconParser.Parse("actor-heartbeat.connection-defaults {\n    connect-timeout = 10 parsecs\n}", "app.conf");
        var error = Assert.Throws<HoconException>(() => config.GetDuration("actor-heartbeat.connection-defaults.connect-timeout"));
        Assert.StartsWith(
            "app.conf:2:23: actor-heartbeat.connection-defaults.connect-timeout: '10 parsecs' is not a duration",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Getters_OnAnUnresolvedConfig_AskForResolve()
    {
        var config = HoconParser.Parse("a = ${b}\nb = 1", "u.conf", new HoconParseOptions { Resolve = false });
        Assert.Contains("call Resolve() first", Assert.Throws<HoconException>(() => config.GetInt("a")).Message, StringComparison.Ordinal);
        Assert.Equal(1, config.GetInt("b"));
        Assert.Equal(1, config.Resolve().GetInt("a"));
    }
}
