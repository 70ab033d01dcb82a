using System.Text;
using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

/// <summary>Pathological input ends in a result or a HoconException: never a crash, stack overflow or hang.</summary>
public sealed class RobustnessTests : IDisposable
{
    private const int SmallStack = 1024 * 1024;

    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("{ a = ", " }")]
    [InlineData("[", "]")]
    [InlineData("[{ a = ", " }]")]
    public void TenThousandNestingLevels_AreRejectedWithTheirPosition(string open, string close)
    {
        var text = "root = " + Repeat(open, 10_000) + "1" + Repeat(close, 10_000);
        var error = OnSmallStack(() => Assert.Throws<HoconException>(() => TestHocon.Parse(text)));
        Assert.StartsWith("nesting deeper than 500 levels at test.conf:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenThousandSegmentPathKey_IsRejected()
    {
        var text = string.Join('.', Enumerable.Repeat("a", 10_000)) + " = 1";
        var error = OnSmallStack(() => Assert.Throws<HoconException>(() => TestHocon.Parse(text)));
        Assert.Contains("nesting deeper than 500 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingAtTheLimit_WorksEverywhereOnASmallStack()
    {
        var depth = 495;
        var text = "root = " + Repeat("{ a = ", depth) + "${leaf}" + Repeat(" }", depth) + "\nleaf = 1\n" + string.Join('.', Enumerable.Repeat("p", depth)) + " = 2";
        OnSmallStack(() =>
        {
            var config = HoconParser.Parse(text, "deep.conf", new HoconParseOptions { Resolve = false, Environment = _ => null });
            var resolved = config.WithFallback(TestHocon.Parse("root.b = 2")).Resolve();
            var json = resolved.ToJson();
            Assert.Equal(json, TestHocon.Json(resolved.ToHocon()));
            Assert.Equal(1, resolved.GetInt(string.Join('.', Enumerable.Repeat("a", depth).Prepend("root"))));
            return json;
        });
    }

    [Fact]
    public void LongSubstitutionChain_ResolvesOrFailsCleanly()
    {
        string Chain(int length) => string.Join('\n', Enumerable.Range(0, length).Select(i => $"a{i} = ${{a{i + 1}}}")) + $"\na{length} = end";

        OnSmallStack(() => Assert.Equal("end", TestHocon.Parse(Chain(300)).GetString("a0")));
        var outcome = OnSmallStack<Exception?>(() => Record.Exception(() => TestHocon.Parse(Chain(10_000))));
        Assert.True(outcome is null or HoconException, $"unexpected {outcome?.GetType().Name}: {outcome?.Message}");
    }

    [Fact]
    public void ManyRedefinitionsOfOneField_StayLinear()
    {
        var overrides = string.Concat(Enumerable.Repeat("a = ${b}\na { x = 1 }\n", 10_000)) + "b = { y = 2 }";
        Assert.Equal(TestHocon.Q("{'a':{'y':2,'x':1},'b':{'y':2}}"), OnSmallStack(() => TestHocon.Json(overrides)));

        var appends = string.Concat(Enumerable.Repeat("list += 1\n", 10_000));
        var outcome = OnSmallStack<Exception?>(() => Record.Exception(() => TestHocon.Parse(appends)));
        Assert.IsType<HoconException>(outcome);
    }

    [Fact]
    public void ManyOpeningSubstitutionMarkers_AreRejected()
    {
        var error = OnSmallStack(() => Assert.Throws<HoconException>(() => TestHocon.Parse("a = " + Repeat("${", 100_000))));
        Assert.Contains("cannot be nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = [")]
    [InlineData("a = {")]
    [InlineData("a = ${")]
    [InlineData("a = ${?")]
    [InlineData("a = \"")]
    [InlineData("a = \"\"\"")]
    [InlineData("a = \"\\")]
    [InlineData("a = \"\\u00")]
    [InlineData("include required(")]
    [InlineData("a +")]
    [InlineData("a.")]
    public void InputEndingMidToken_IsAHoconException(string text) => TestHocon.Error(text);

    [Fact]
    public void HugeFile_ParsesInOnePass()
    {
        var sb = new StringBuilder();
        const int fields = 30_000;
        for (var i = 0; i < fields; i++)
        {
            sb.Append("section").Append(i % 100).Append(".key").Append(i).Append(" = \"value ").Append(i).Append("\" # comment\n");
        }

        sb.Append("list = [").Append(string.Join(',', Enumerable.Range(0, 30_000))).Append("]\n");
        sb.Append("long = \"").Append('x', 1_000_000).Append("\"\n");
        var file = _dir.Write("huge.conf", sb.ToString());

        var config = HoconParser.ParseFile(file, TestHocon.Options());

        Assert.Equal(102, config.Root.Count);
        Assert.Equal("value 29999", config.GetString("section99.key29999"));
        Assert.Equal(30_000, config.GetList("list").Count);
        Assert.Equal(1_000_000, config.GetString("long").Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x20, 0x3D, 0x20, 0x31, 0x0A, 0x62, 0x20, 0x3D, 0x20, 0x22, 0xC3, 0xA9, 0xFF, 0x22 }, 2, 7, 13, "0xFF")]
    [InlineData(new byte[] { 0x61, 0x3D, 0xC0, 0x80 }, 1, 3, 2, "0xC0")]
    [InlineData(new byte[] { 0x61, 0x3D, 0xE2, 0x82 }, 1, 3, 2, "0xE2")]
    [InlineData(new byte[] { 0x61, 0x3D, 0xED, 0xA0, 0x80 }, 1, 3, 2, "0xED")]
    public void InvalidUtf8_IsReportedWithLineColumnAndByteOffset(byte[] bytes, int line, int column, int offset, string shown)
    {
        var file = _dir.WriteBytes("bad.conf", bytes);
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(file, TestHocon.Options()));
        Assert.Equal((file, line, column), (error.SourceName, error.Line, error.Column));
        Assert.Contains($"invalid UTF-8 (byte {shown}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"byte offset {offset}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludedFileWithInvalidUtf8_IsReportedAgainstThatFile()
    {
        var bad = _dir.WriteBytes("inc.conf", [0x78, 0x3D, 0xFE]);
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(_dir.Write("main.conf", "include \"inc.conf\""), TestHocon.Options()));
        Assert.Equal(bad, error.SourceName);
    }

    [Fact]
    public void DirectoryInsteadOfFile_IsAHoconException() =>
        Assert.Throws<HoconException>(() => HoconParser.ParseFile(_dir.Root, TestHocon.Options()));

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static T OnSmallStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            SmallStack);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"failed on a {SmallStack / 1024} KiB stack: {failure}");
        }

        return result;
    }

    private static void OnSmallStack(Action action) => OnSmallStack(() =>
    {
        action();
        return 0;
    });
}
