using System.Text.Json;
using ActorHeartbeat.Hocon;

namespace ActorHeartbeat.Cli.Tests.Commands;

public sealed class ConfigCommandTests : IDisposable
{
    private const string Sample = """
        # a small configuration
        app {
          name = feed
          timeout = 10s
          buffer = 1 MiB
          ratio = 2.5
          enabled = on
          tags = [a, b]
        }
        copy = ${app.name}-copy
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Config_PrintsTheResolvedConfigurationAsHocon()
    {
        string file = _dir.Write("app.conf", Sample);

        CliRun run = CliRun.Of("config", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Error);
        Assert.DoesNotContain("${", run.Output);
        Assert.EndsWith("\n", run.Output);
        // The printed HOCON means the same as the file: it parses back to the same tree.
        Assert.Equal(HoconParser.ParseFile(file).ToJson(), HoconParser.Parse(run.Output).ToJson());
        Assert.Equal("feed-copy", HoconParser.Parse(run.Output).GetString("copy"));
    }

    [Fact]
    public void Json_PrintsCompactJsonOnOneLine_WithDurationsAndSizesAsWritten()
    {
        string file = _dir.Write("app.conf", Sample);

        CliRun run = CliRun.Of("config", "--json", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Error);
        string line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(line + "\n", run.Output);
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement app = json.RootElement.GetProperty("app");
        Assert.Equal("10s", app.GetProperty("timeout").GetString());
        Assert.Equal("1 MiB", app.GetProperty("buffer").GetString());
        Assert.Equal(2.5, app.GetProperty("ratio").GetDouble());
        Assert.Equal("on", app.GetProperty("enabled").GetString());
        Assert.Equal(["a", "b"], app.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("feed-copy", json.RootElement.GetProperty("copy").GetString());
    }

    [Fact]
    public void OptionsMayFollowTheFile()
    {
        string file = _dir.Write("app.conf", "a = 1\n");

        CliRun run = CliRun.Of("config", file, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("{\"a\":1}\n", run.Output);
    }

    [Fact]
    public void WithoutDefaults_PrintsOnlyTheFile()
    {
        string file = _dir.Write("app.conf", "actor-heartbeat.registry.rtt-samples = 64\n");

        CliRun run = CliRun.Of("config", "--json", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("{\"actor-heartbeat\":{\"registry\":{\"rtt-samples\":64}}}\n", run.Output);
    }

    [Fact]
    public void WithDefaults_LayersTheFileOverReferenceConf()
    {
        string file = _dir.Write("app.conf", "actor-heartbeat.registry.rtt-samples = 64\n");

        CliRun run = CliRun.Of("config", "--json", "--with-defaults", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement root = json.RootElement.GetProperty("actor-heartbeat");
        Assert.Equal(64, root.GetProperty("registry").GetProperty("rtt-samples").GetInt32());
        Assert.Equal("10s", root.GetProperty("connection-defaults").GetProperty("connect-timeout").GetString());
        Assert.Equal("1 MiB", root.GetProperty("connection-defaults").GetProperty("max-message-size").GetString());
    }

    [Fact]
    public void WithDefaults_LetsTheFileReferToDefaults()
    {
        string file = _dir.Write("app.conf", """
            actor-heartbeat.connections.feed-a = ${actor-heartbeat.connection-defaults} { url = "wss://a.example/ws" }
            """);

        CliRun withDefaults = CliRun.Of("config", "--json", "--with-defaults", file);
        CliRun alone = CliRun.Of("config", "--json", file);

        Assert.True(withDefaults.ExitCode == 0, withDefaults.ToString());
        using JsonDocument json = JsonDocument.Parse(withDefaults.Output);
        JsonElement feed = json.RootElement.GetProperty("actor-heartbeat").GetProperty("connections").GetProperty("feed-a");
        Assert.Equal("wss://a.example/ws", feed.GetProperty("url").GetString());
        Assert.Equal("10s", feed.GetProperty("connect-timeout").GetString());
        // Alone, the file refers to a path it does not define: bad configuration.
        Assert.True(alone.ExitCode == 2, alone.ToString());
        Assert.Contains("app.conf:1", alone.Error);
    }

    [Fact]
    public void WithDefaults_AndHocon_PrintsReferenceKeys()
    {
        string file = _dir.Write("app.conf", "actor-heartbeat.registry.rtt-samples = 64\n");

        CliRun run = CliRun.Of("config", "--with-defaults", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Config printed = HoconParser.Parse(run.Output);
        Assert.Equal(64, printed.GetInt("actor-heartbeat.registry.rtt-samples"));
        Assert.Equal(TimeSpan.FromSeconds(10), printed.GetDuration("actor-heartbeat.connection-defaults.connect-timeout"));
    }

    [Theory]
    [InlineData("a = [1, 2\n", 1)]
    [InlineData("a = 1\nb = {\n  c = \"unterminated\n}\n", 3)]
    [InlineData("a = 1\n\nb = ${missing}\n", 3)]
    [InlineData("ok = 1\nx = foo@bar\n", 2)]
    public void BadConfiguration_ExitsWith2_AndNamesFileAndLineOnStderr(string content, int line)
    {
        string file = _dir.Write("bad.conf", content);

        CliRun run = CliRun.Of("config", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains($"bad.conf:{line}:", run.Error);
        Assert.StartsWith("actorheartbeat config: ", run.Error);
    }

    [Fact]
    public void BadConfiguration_WithJson_PrintsNothingOnStdout()
    {
        string file = _dir.Write("bad.conf", "a = }\n");

        CliRun run = CliRun.Of("config", "--json", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("bad.conf:1:", run.Error);
    }

    [Fact]
    public void MissingFile_ExitsWith2_WithAClearMessage()
    {
        string missing = Path.Combine(_dir.Path, "nope.conf");

        CliRun run = CliRun.Of("config", missing);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal($"actorheartbeat config: {missing}: file not found\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Directory_ExitsWith2()
    {
        CliRun run = CliRun.Of("config", _dir.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is a directory", run.Error);
    }

    [Fact]
    public void UnknownOption_ExitsWith2_AndNamesTheOption()
    {
        string file = _dir.Write("app.conf", "a = 1\n");

        CliRun run = CliRun.Of("config", "--yaml", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("--yaml", run.Error);
        Assert.Contains("actorheartbeat config --help", run.Error);
    }

    [Fact]
    public void MissingFileArgument_ExitsWith2()
    {
        CliRun run = CliRun.Of("config", "--json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.NotEqual(string.Empty, run.Error);
    }

    [Fact]
    public void TwoFiles_ExitsWith2()
    {
        string file = _dir.Write("app.conf", "a = 1\n");

        CliRun run = CliRun.Of("config", file, file);

        Assert.True(run.ExitCode == 2, run.ToString());
    }
}
