using System.Text.RegularExpressions;
using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed partial class ReferenceConfTests
{
    /// <summary>Every setting of the "Configuration" section of DESIGN.md (leaves and empty objects).</summary>
    private static readonly string[] DesignKeys =
    [
        "connection-defaults.url", "connection-defaults.connect-timeout", "connection-defaults.close-timeout",
        "connection-defaults.headers", "connection-defaults.subprotocols", "connection-defaults.max-message-size",
        "connection-defaults.on-connect", "connection-defaults.send-buffer.capacity", "connection-defaults.send-buffer.overflow",
        "connection-defaults.keepalive.interval", "connection-defaults.keepalive.timeout",
        "connection-defaults.heartbeat.enabled", "connection-defaults.heartbeat.interval", "connection-defaults.heartbeat.timeout",
        "connection-defaults.heartbeat.payload", "connection-defaults.heartbeat.pong.text", "connection-defaults.heartbeat.pong.json-field",
        "connection-defaults.heartbeat.pong.equals", "connection-defaults.heartbeat.pong.correlate",
        "connection-defaults.heartbeat.count-any-inbound", "connection-defaults.idle-timeout",
        "connection-defaults.respond.enabled", "connection-defaults.respond.ping.text", "connection-defaults.respond.ping.json-field",
        "connection-defaults.respond.reply",
        "connection-defaults.backoff.min", "connection-defaults.backoff.max", "connection-defaults.backoff.multiplier",
        "connection-defaults.backoff.random-factor", "connection-defaults.backoff.jitter", "connection-defaults.backoff.reset-after",
        "connection-defaults.backoff.max-retries",
        "connections", "registry.rtt-samples", "max-reconnects-per-second",
        "server.path", "server.max-connections", "server.max-message-size", "server.allowed-origins",
        "server.keepalive.interval", "server.keepalive.timeout",
        "server.heartbeat.enabled", "server.heartbeat.interval", "server.heartbeat.timeout", "server.heartbeat.payload",
        "server.heartbeat.pong.json-field", "server.heartbeat.pong.equals", "server.heartbeat.pong.correlate",
        "server.respond.enabled", "server.respond.ping.json-field", "server.respond.ping.equals", "server.respond.reply",
    ];

    [Fact]
    public void EmbeddedReference_IsTheShippedFile()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream(ConfigLoader.ReferenceResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        Assert.Equal(File.ReadAllText(Shipped.ReferenceConf), reader.ReadToEnd());
    }

    [Fact]
    public void Reference_ContainsEveryKeyOfTheDesign()
    {
        var reference = ConfigLoader.Reference.GetConfig("actor-heartbeat");
        var missing = DesignKeys.Where(k => !reference.HasPathOrNull(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Reference_HasTheDesignDefaults()
    {
        var c = ConfigLoader.Reference.GetConfig("actor-heartbeat");
        Assert.True(c.GetIsNull("connection-defaults.url"));
        Assert.Equal(TimeSpan.FromSeconds(10), c.GetDuration("connection-defaults.connect-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(2), c.GetDuration("connection-defaults.close-timeout"));
        Assert.Equal(0, c.GetConfig("connection-defaults.headers").Root.Count);
        Assert.Empty(c.GetStringList("connection-defaults.subprotocols"));
        Assert.Equal(1_048_576L, c.GetBytes("connection-defaults.max-message-size"));
        Assert.Equal(1024, c.GetInt("connection-defaults.send-buffer.capacity"));
        Assert.Equal("reject", c.GetString("connection-defaults.send-buffer.overflow"));
        Assert.Equal(TimeSpan.FromSeconds(20), c.GetDurationOrOff("connection-defaults.keepalive.interval"));
        Assert.False(c.GetBoolean("connection-defaults.heartbeat.enabled"));
        Assert.Equal("""{"op":"ping","seq":{seq},"ts":{ts}}""", c.GetString("connection-defaults.heartbeat.payload"));
        Assert.False(c.HasPath("connection-defaults.heartbeat.pong.text"));
        Assert.Equal("pong", c.GetString("connection-defaults.heartbeat.pong.equals"));
        Assert.Null(c.GetDurationOrOff("connection-defaults.idle-timeout"));
        Assert.Equal("""{"pong":{value}}""", c.GetString("connection-defaults.respond.reply"));
        Assert.Equal(2.0, c.GetDouble("connection-defaults.backoff.multiplier"));
        Assert.Equal(0.2, c.GetDouble("connection-defaults.backoff.random-factor"));
        Assert.Equal("random-factor", c.GetString("connection-defaults.backoff.jitter"));
        Assert.Equal("infinite", c.GetString("connection-defaults.backoff.max-retries"));
        Assert.Equal(0, c.GetConfig("connections").Root.Count);
        Assert.Equal(128, c.GetInt("registry.rtt-samples"));
        Assert.Equal(200, c.GetInt("max-reconnects-per-second"));
        Assert.Equal("/ws", c.GetString("server.path"));
        Assert.Equal(10000, c.GetInt("server.max-connections"));
        Assert.True(c.GetBoolean("server.respond.enabled"));
        Assert.Equal("""{"op":"pong","seq":{ping.seq}}""", c.GetString("server.respond.reply"));
    }

    [Fact]
    public void Reference_HasAOneLineCommentAboveEverySetting()
    {
        var lines = File.ReadAllLines(Shipped.ReferenceConf);
        var uncommented = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line == "}" || !SettingLine().IsMatch(line))
            {
                continue;
            }

            var previous = i > 0 ? lines[i - 1].Trim() : string.Empty;
            if (!previous.StartsWith('#') && !line.Contains(" # ", StringComparison.Ordinal))
            {
                uncommented.Add($"{i + 1}: {line}");
            }
        }

        Assert.Empty(uncommented);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*\\s*(=|\\{)")]
    private static partial Regex SettingLine();
}
