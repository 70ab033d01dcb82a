using ActorHeartbeat.Core;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Tests.Settings;

public sealed class ServerSettingsReaderTests
{
    private static ServerSettings Read(string hocon) =>
        SettingsReader.ReadServer(ConfigLoader.LoadText(hocon, "app.conf"));

    [Fact]
    public void ReferenceDefaults_GiveTheDocumentedServerDefaults_EqualToTheRecordsDefaults()
    {
        var settings = Read(string.Empty);

        Assert.Equal("/ws", settings.Path);
        Assert.Equal(10_000, settings.MaxConnections);
        Assert.Equal(1024 * 1024, settings.MaxMessageSize);
        Assert.Empty(settings.AllowedOrigins);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.CloseTimeout);
        Assert.Equal(1024, settings.SendQueueCapacity);
        Assert.Equal(new KeepaliveSettings(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)), settings.Keepalive);
        Assert.Null(settings.Heartbeat.Heartbeat);
        Assert.Null(settings.Heartbeat.IdleTimeout);
        var respond = settings.Heartbeat.Respond!;
        Assert.Equal(MessageMatcher.JsonFieldEquals("op", "ping"), respond.Ping);
        using (var ping = System.Text.Json.JsonDocument.Parse("""{"op":"ping","seq":3}"""))
        {
            Assert.Equal("""{"op":"pong","seq":3}""", respond.Reply.RenderReply("\"ping\"", ping));
        }

        Assert.Equal(128, settings.RttSamples);
        var defaults = new ServerSettings();
        Assert.Equal(
            (defaults.Path, defaults.MaxConnections, defaults.MaxMessageSize, defaults.CloseTimeout, defaults.SendQueueCapacity, defaults.Keepalive, defaults.RttSamples),
            (settings.Path, settings.MaxConnections, settings.MaxMessageSize, settings.CloseTimeout, settings.SendQueueCapacity, settings.Keepalive, settings.RttSamples));
        Assert.Equal(defaults.Heartbeat.Respond!.Ping, respond.Ping);
    }

    [Fact]
    public void Overrides_TakeEffect_AndTheHeartbeatKeepsTheConnectionDefaultsKeys()
    {
        var settings = Read("""
            actor-heartbeat.registry.rtt-samples = 16
            actor-heartbeat.server {
              path = "/live"
              max-connections = 3
              max-message-size = 64 KiB
              allowed-origins = [ "https://a.example", " https://b.example " ]
              close-timeout = 500ms
              send-queue = 8
              idle-timeout = 90s
              keepalive { interval = off }
              heartbeat { enabled = on, interval = 5s, timeout = 2s, pong { text = "pong" }, count-any-inbound = on }
              respond.enabled = off
            }
            """);

        Assert.Equal(("/live", 3, 64 * 1024), (settings.Path, settings.MaxConnections, settings.MaxMessageSize));
        Assert.Equal(["https://a.example", "https://b.example"], settings.AllowedOrigins);
        Assert.Equal((TimeSpan.FromMilliseconds(500), 8, 16), (settings.CloseTimeout, settings.SendQueueCapacity, settings.RttSamples));
        Assert.Null(settings.Keepalive);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.Heartbeat.IdleTimeout);
        Assert.Null(settings.Heartbeat.Respond);
        var heartbeat = settings.Heartbeat.Heartbeat!;
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)), (heartbeat.Interval, heartbeat.Timeout));
        Assert.Equal(MessageMatcher.ExactText("pong"), heartbeat.Pong);
        Assert.Equal("seq", heartbeat.Correlate);
        Assert.True(heartbeat.CountAnyInbound);
        Assert.Equal("""{"op":"ping","seq":7,"ts":9}""", heartbeat.Payload.RenderPing(7, 9));
    }

    [Fact]
    public void KeepaliveTimeoutOff_MeansPingsWithoutADeadline()
    {
        var settings = Read("actor-heartbeat.server.keepalive { interval = 5s, timeout = off }");

        Assert.Equal(new KeepaliveSettings(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan), settings.Keepalive);
    }

    [Theory]
    [InlineData("actor-heartbeat.server {\n  path = \"ws\"\n}", "actor-heartbeat.server.path", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  path = \"/ws?x=1\"\n}", "actor-heartbeat.server.path", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  max-connections = 0\n}", "actor-heartbeat.server.max-connections", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n\n  max-message-size = 0 B\n}", "actor-heartbeat.server.max-message-size", "app.conf:3")]
    [InlineData("actor-heartbeat.server {\n  allowed-origins = [ \"https://a\", \"\" ]\n}", "actor-heartbeat.server.allowed-origins[1]", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  close-timeout = 0s\n}", "actor-heartbeat.server.close-timeout", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  send-queue = 0\n}", "actor-heartbeat.server.send-queue", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  idle-timeout = 0s\n}", "actor-heartbeat.server.idle-timeout", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  heartbeat { enabled = on\n interval = -1s }\n}", "actor-heartbeat.server.heartbeat.interval", "app.conf:3")]
    [InlineData("actor-heartbeat.server {\n  heartbeat { enabled = on, payload = \"\" }\n}", "actor-heartbeat.server.heartbeat.payload", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  respond.ping { json-field = null }\n}", "actor-heartbeat.server.respond.ping.json-field", "app.conf:2")]
    [InlineData("actor-heartbeat.registry {\n  rtt-samples = 0\n}", "actor-heartbeat.registry.rtt-samples", "app.conf:2")]
    public void BadValue_IsAnErrorNamingFileLineAndKey(string hocon, string key, string location)
    {
        var e = Assert.Throws<HoconException>(() => Read(hocon));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(location + ":", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor-heartbeat.server {\n  max-connections = lots\n}", "max-connections", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  send-queue = 1.5\n}", "send-queue", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  close-timeout = soon\n}", "close-timeout", "app.conf:2")]
    [InlineData("actor-heartbeat.server {\n  allowed-origins = \"https://a\"\n}", "allowed-origins", "app.conf:2")]
    public void WrongType_IsAnErrorNamingFileLineAndKey(string hocon, string key, string location)
    {
        var e = Assert.Throws<HoconException>(() => Read(hocon));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(location + ":", e.Message, StringComparison.Ordinal);
    }
}
