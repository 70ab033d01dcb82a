using ActorHeartbeat.Core;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Tests.Settings;

public sealed class SettingsReaderTests
{
    private static ActorHeartbeatSettings Read(string hocon) =>
        SettingsReader.Read(ConfigLoader.LoadText(hocon, "app.conf"));

    [Fact]
    public void ReferenceDefaults_AlonePlusAUrl_GiveTheDocumentedDefaults()
    {
        var settings = Read("""actor-heartbeat.connections.feed.url = "wss://example.test/ws" """);

        var feed = Assert.Single(settings.Connections);
        Assert.Equal("feed", feed.Id);
        Assert.Equal(new Uri("wss://example.test/ws"), feed.Url);
        Assert.Equal(TimeSpan.FromSeconds(10), feed.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), feed.CloseTimeout);
        Assert.Equal(1024 * 1024, feed.MaxMessageSize);
        Assert.Equal(1024, feed.SendBufferCapacity);
        Assert.Equal(OverflowPolicy.Reject, feed.SendBufferOverflow);
        Assert.Equal(new KeepaliveSettings(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)), feed.Keepalive);
        Assert.Null(feed.Heartbeat.Heartbeat);
        Assert.Null(feed.Heartbeat.IdleTimeout);
        Assert.Null(feed.Heartbeat.Respond);
        Assert.Equal(BackoffPolicy.Default, feed.Backoff);
        Assert.Equal(128, settings.RttSamples);
        Assert.Equal(200, settings.MaxReconnectsPerSecond);
    }

    [Fact]
    public void ConnectionOverrides_MergeOntoTheDefaults_KeyByKey()
    {
        var settings = Read("""
            actor-heartbeat {
              connection-defaults { connect-timeout = 3s, heartbeat.interval = 5s }
              connections {
                a { url = "ws://127.0.0.1:1/a", heartbeat { enabled = on, timeout = 2s, pong { text = "pong" } } }
                "b.dotted" { url = "ws://127.0.0.1:1/b", keepalive.interval = off, idle-timeout = 45s, backoff { jitter = full, max-retries = 3 } }
              }
            }
            """);

        var a = settings.Connections[0];
        Assert.Equal("a", a.Id);
        Assert.Equal(TimeSpan.FromSeconds(3), a.ConnectTimeout);
        var heartbeat = a.Heartbeat.Heartbeat!;
        Assert.Equal(TimeSpan.FromSeconds(5), heartbeat.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), heartbeat.Timeout);
        Assert.Equal(MessageMatcher.ExactText("pong"), heartbeat.Pong);
        Assert.Equal("seq", heartbeat.Correlate);

        var b = settings.Connections[1];
        Assert.Equal("b.dotted", b.Id);
        Assert.Null(b.Keepalive);
        Assert.Equal(TimeSpan.FromSeconds(45), b.Heartbeat.IdleTimeout);
        Assert.Equal(JitterMode.Full, b.Backoff.Jitter);
        Assert.Equal(3, b.Backoff.MaxRetries);
    }

    [Fact]
    public void PongMatcher_DefaultsToJsonFieldOpEqualsPong()
    {
        var feed = Read("""actor-heartbeat.connections.f { url = "ws://h/", heartbeat.enabled = on }""").Connections[0];
        Assert.Equal(MessageMatcher.JsonFieldEquals("op", "pong"), feed.Heartbeat.Heartbeat!.Pong);
    }

    // config, the key the error must name, the line it must point at
    [Theory]
    [InlineData("actor-heartbeat.connections.f {\n  url = \"http://h/\"\n}", "actor-heartbeat.connections.f.url", "app.conf:2")]
    [InlineData("actor-heartbeat.connections.f {\n  url = \"ws://h/\"\n  connect-timeout = 0s\n}", "actor-heartbeat.connections.f.connect-timeout", "app.conf:3")]
    [InlineData("actor-heartbeat.connections.f {\n  url = \"ws://h/\"\n  send-buffer.overflow = drop-newest\n}", "actor-heartbeat.connections.f.send-buffer.overflow", "app.conf:3")]
    [InlineData("actor-heartbeat.connections.f {\n  url = \"ws://h/\"\n  backoff { min = 5s\n max = 1s }\n}", "actor-heartbeat.connections.f.backoff.max", "app.conf:4")]
    [InlineData("actor-heartbeat.connections.f {\n  url = \"ws://h/\"\n  backoff.jitter = sometimes\n}", "actor-heartbeat.connections.f.backoff.jitter", "app.conf:3")]
    [InlineData("actor-heartbeat.connections.f {\n  url = \"ws://h/\"\n  send-buffer.capacity = 0\n}", "actor-heartbeat.connections.f.send-buffer.capacity", "app.conf:3")]
    [InlineData("actor-heartbeat {\n  max-reconnects-per-second = 0\n}", "actor-heartbeat.max-reconnects-per-second", "app.conf:2")]
    [InlineData("actor-heartbeat.connections.f {\n  url = \"ws://h/\"\n  heartbeat { enabled = on, pong { json-field = null } }\n}", "actor-heartbeat.connections.f.heartbeat.pong.json-field", "app.conf:3")]
    public void BadValue_IsAnErrorNamingFileLineAndKey(string hocon, string key, string location)
    {
        var e = Assert.Throws<HoconException>(() => Read(hocon));
        Assert.Contains(key, e.Message);
        Assert.StartsWith(location + ":", e.Message);
    }

    [Fact]
    public void ConnectionWithoutUrl_IsAnErrorNamingTheConnection()
    {
        var e = Assert.Throws<HoconException>(() => Read("actor-heartbeat.connections.f { connect-timeout = 1s }"));
        Assert.Contains("actor-heartbeat.connections.f.url is not set", e.Message);
    }

    [Fact]
    public void WrongTypedValue_IsAnErrorFromTheGetterWithItsOrigin()
    {
        var e = Assert.Throws<HoconException>(() => Read("actor-heartbeat.connections.f {\n url = \"ws://h/\"\n connect-timeout = 10 parsecs\n}"));
        Assert.StartsWith("app.conf:3:", e.Message);
        Assert.Contains("connect-timeout", e.Message);
    }
}
