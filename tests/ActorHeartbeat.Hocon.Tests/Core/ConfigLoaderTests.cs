using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_LayersTheFileOverTheReference()
    {
        var file = _dir.Write("app.conf", "actor-heartbeat.connection-defaults.connect-timeout = 3s\nactor-heartbeat.connections.feed { url = \"ws://x\" }");
        var config = ConfigLoader.Load(file);
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetDuration("actor-heartbeat.connection-defaults.connect-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(2), config.GetDuration("actor-heartbeat.connection-defaults.close-timeout"));
        Assert.Equal("ws://x", config.GetString("actor-heartbeat.connections.feed.url"));
        Assert.Equal(new HoconOrigin(file, 1, 55), config.GetOrigin("actor-heartbeat.connection-defaults.connect-timeout"));
        Assert.Equal("reference.conf", config.GetOrigin("actor-heartbeat.connection-defaults.close-timeout").SourceName);
    }

    [Fact]
    public void LoadText_MayReferToDefaultsWithSubstitutions()
    {
        var config = ConfigLoader.LoadText("actor-heartbeat.server.heartbeat.timeout = ${actor-heartbeat.connection-defaults.heartbeat.timeout}");
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetDuration("actor-heartbeat.server.heartbeat.timeout"));
    }

    [Fact]
    public void Load_BadFile_NamesTheFile()
    {
        var file = _dir.Write("bad.conf", "actor-heartbeat {\n  registry.rtt-samples = [\n}");
        var error = Assert.Throws<HoconException>(() => ConfigLoader.Load(file));
        Assert.Equal(file, error.SourceName);
        Assert.Contains($"{file}:3:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsAHoconException()
    {
        var missing = Path.Combine(_dir.Root, "nope.conf");
        Assert.Equal($"{missing}: file not found", Assert.Throws<HoconException>(() => ConfigLoader.Load(missing)).Message);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Examples_LoadAndResolve(string file)
    {
        var config = ConfigLoader.Load(file);
        Assert.True(config.IsResolved);
        Assert.True(config.HasPath("actor-heartbeat.connection-defaults.connect-timeout"));
        Assert.Contains("actor-heartbeat", config.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClientExample_OverridesPerConnection()
    {
        var config = ConfigLoader.Load(Shipped.Examples.Single(e => e.EndsWith("client.conf", StringComparison.Ordinal)));
        var feedB = config.GetConfig("actor-heartbeat.connections.feed-b");
        Assert.Equal("pong", feedB.GetString("heartbeat.pong.text"));
        Assert.Equal(TimeSpan.FromMinutes(2), feedB.GetDurationOrOff("idle-timeout"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetDuration("actor-heartbeat.connection-defaults.backoff.min"));
        Assert.Equal(20, config.GetInt("actor-heartbeat.connection-defaults.backoff.max-retries"));
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in Shipped.Examples)
        {
            data.Add(example);
        }

        return data;
    }
}
