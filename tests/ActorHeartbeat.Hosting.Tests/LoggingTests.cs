using ActorHeartbeat.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Tests;

public sealed class LoggingTests
{
    private const string Secret = "Bearer s3cr3t-t0ken";

    [Fact]
    public async Task ConnectionEvents_AreLogged_WithStructuredFields()
    {
        await using var test = await TestHost.StartAsync(b => b.AddConnection("feed", "ws://feed.test/ws"));
        await test.Logs.WaitForEventAsync("feed", "up");

        test.Transport.LastPeer!.Drop();
        var backoff = await test.Logs.WaitForEventAsync("feed", "backoff");

        var connecting = await test.Logs.WaitForEventAsync("feed", "connecting");
        var up = await test.Logs.WaitForEventAsync("feed", "up");
        var down = await test.Logs.WaitForEventAsync("feed", "down");
        Assert.Equal((LogLevel.Debug, "1"), (connecting.Level, connecting.Field("attempt")));
        Assert.Equal((LogLevel.Information, "1"), (up.Level, up.Field("attempt")));
        Assert.Equal((LogLevel.Warning, "closed-by-peer"), (down.Level, down.Field("reason")));
        Assert.Equal((LogLevel.Information, "2", "1000"), (backoff.Level, backoff.Field("attempt"), backoff.Field("delayMs")));
        Assert.All(new[] { connecting, up, down, backoff }, e => Assert.Equal("ActorHeartbeat.Connections", e.Category));
        Assert.Equal("Connection feed up, attempt 1", up.Message);
    }

    [Fact]
    public async Task DownAfterAnsweredPings_CarriesTheLastRoundTripInRttMs()
    {
        await using var test = TestHost.Build(b => b
            .AddHoconText("actor-heartbeat.connection-defaults.heartbeat { enabled = on, interval = 10s, timeout = 5s }", "heartbeat.conf")
            .AddConnection("feed", "ws://feed.test/ws"));
        test.Transport.AutoReply = sent => sent.Contains("\"ping\"", StringComparison.Ordinal) ? sent.Replace("\"ping\"", "\"pong\"", StringComparison.Ordinal) : null;
        await test.Host.StartAsync();
        await test.Logs.WaitForEventAsync("feed", "up");
        var peer = test.Transport.LastPeer!;
        await using var subscription = test.Connections.Subscribe("feed");
        await subscription.Ready;
        var reader = subscription.GetAsyncEnumerator();

        // With the fixed random sample 0 the first ping goes out at once and is answered in no virtual time;
        // the marker behind the pong proves the connection has taken the pong when it arrives.
        test.Time.Advance(TimeSpan.FromSeconds(1));
        await peer.WaitForReceivedAsync(1).WaitAsync(TimeSpan.FromSeconds(15));
        peer.SendText("marker");
        await reader.ReadUntilAsync(n => n.Inbound?.Text == "marker", "marker");
        peer.Drop();

        var down = await test.Logs.WaitForEventAsync("feed", "down");
        Assert.Equal("0", down.Field("rttMs"));
        Assert.Equal("Connection feed down: closed-by-peer (" + down.Field("detail") + "), last round trip 0 ms", down.Message);
        await reader.DisposeAsync();
    }

    [Fact]
    public async Task HandshakeHeaderValues_AreRedacted_InEveryLogLine()
    {
        var test = await TestHost.StartAsync(
            b => b.AddHoconFile("app.conf").AddConnection("code", "ws://code.test/ws?token=query-secret", c => c with
            {
                Headers = new Dictionary<string, string> { ["X-Api-Key"] = "key-" + Secret },
            }),
            new Dictionary<string, string>
            {
                ["app.conf"] = $$"""actor-heartbeat.connections.feed { url = "wss://user:pass@feed.test/ws", headers { Authorization = "{{Secret}}" } }""",
            });
        await test.Logs.WaitForEventAsync("feed", "up");
        await test.Logs.WaitForEventAsync("code", "up");
        var late = test.Connections.CreateSettings("late", "ws://late.test/ws", c => c with
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = Secret },
        });
        await test.Connections.AddAsync(late);
        await test.Logs.WaitForEventAsync("late", "up");
        Assert.Equal(Secret, test.Transport.Peers.Single(p => p.Request.Url.Host == "feed.test").Request.Headers["Authorization"]);

        await test.DisposeAsync();

        var entries = test.Logs.Entries;
        Assert.Contains(entries, e => e.Message == "Supervising connection feed: wss://feed.test/ws, headers Authorization: ***, subprotocols (none)");
        Assert.Contains(entries, e => e.Message == "Supervising connection code: ws://code.test/ws?token=***, headers X-Api-Key: ***, subprotocols (none)");
        Assert.Contains(entries, e => e.Message == "Added connection late: ws://late.test/ws, headers Authorization: ***, subprotocols (none)");
        foreach (var entry in entries)
        {
            var everything = string.Join(" ", entry.Fields.Values.Append(entry.Message));
            Assert.DoesNotContain("s3cr3t", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("query-secret", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("pass@", everything, StringComparison.Ordinal);
        }
    }
}
