using ActorHeartbeat.Cli.Demo;
using ActorHeartbeat.Hocon;

namespace ActorHeartbeat.Cli.Tests.Demo;

public sealed class DemoConfigTests
{
    private static readonly DemoTimings Timings = new();

    private static IReadOnlyList<Uri> Urls(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new Uri($"ws://127.0.0.1:{40000 + i}/ws?client={DemoPlan.IdOf(i)}"))];

    [Fact]
    public void Connections_AreReadInIdOrder_WithTheirUrls()
    {
        var settings = DemoConfig.Read(Urls(4), Timings);
        Assert.Equal(["json-02", "keepalive-01", "keepalive-04", "respond-03"], settings.Connections.Select(c => c.Id));
        Assert.Equal(new Uri("ws://127.0.0.1:40001/ws?client=json-02"), settings.Connections[0].Url);
    }

    [Fact]
    public void KeepaliveProfile_UsesProtocolPingsOnly()
    {
        var c = DemoConfig.Read(Urls(3), Timings).Connections.Single(c => c.Id == "keepalive-01");
        Assert.Equal(Timings.Interval, c.Keepalive!.Interval);
        Assert.Equal(Timings.Timeout, c.Keepalive.Timeout);
        Assert.Null(c.Heartbeat.Heartbeat);
        Assert.Null(c.Heartbeat.IdleTimeout);
        Assert.NotNull(c.Heartbeat.Respond);
    }

    [Fact]
    public void JsonProfile_UsesTheApplicationHeartbeat()
    {
        var c = DemoConfig.Read(Urls(3), Timings).Connections.Single(c => c.Id == "json-02");
        Assert.Null(c.Keepalive);
        Assert.Equal(Timings.Interval, c.Heartbeat.Heartbeat!.Interval);
        Assert.Equal(Timings.Timeout, c.Heartbeat.Heartbeat.Timeout);
    }

    [Fact]
    public void RespondProfile_AnswersTheServerAndHasAnIdleTimeout()
    {
        var c = DemoConfig.Read(Urls(3), Timings).Connections.Single(c => c.Id == "respond-03");
        Assert.Null(c.Keepalive);
        Assert.Null(c.Heartbeat.Heartbeat);
        Assert.Equal(Timings.IdleTimeout, c.Heartbeat.IdleTimeout);
        var respond = c.Heartbeat.Respond!;
        Assert.True(respond.Ping.Matches("{\"op\":\"ping\",\"seq\":7,\"ts\":1}", out var ping, out var value));
        using (ping)
        {
            Assert.Equal("{\"op\":\"pong\",\"seq\":7}", respond.Reply.RenderReply(value, ping));
        }
    }

    [Fact]
    public void EveryProfile_BacksOffBriefly()
    {
        Assert.All(DemoConfig.Read(Urls(3), Timings).Connections, c =>
        {
            Assert.Equal(TimeSpan.FromMilliseconds(200), c.Backoff.Min);
            Assert.Equal(TimeSpan.FromSeconds(2), c.Backoff.Max);
        });
    }

    [Theory]
    [InlineData("20s", 20)]
    [InlineData("2m", 120)]
    [InlineData("1500ms", 1.5)]
    [InlineData("90 seconds", 90)]
    public void ParseDuration_AcceptsHoconDurations(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DemoConfig.ParseDuration(text));

    [Theory]
    [InlineData("soon")]
    [InlineData("20 parsecs")]
    [InlineData("\" } x = ${y")]
    public void ParseDuration_RejectsAnythingElse(string text) =>
        Assert.Throws<HoconException>(() => DemoConfig.ParseDuration(text));
}
