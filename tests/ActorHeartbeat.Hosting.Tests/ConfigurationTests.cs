using ActorHeartbeat.Hosting.Tests.Support;
using ActorHeartbeat.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActorHeartbeat.Hosting.Tests;

public sealed class ConfigurationTests
{
    private static Dictionary<string, string> File(string name, string text) => new() { [name] = text };

    private static async Task<string> StartFailure(TestHost test)
    {
        await using (test)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => test.Host.StartAsync());
            Assert.Empty(test.Transport.Peers);
            return error.Message;
        }
    }

    [Fact]
    public async Task HoconSyntaxError_FailsHostStart_WithFileLineAndColumn()
    {
        var test = TestHost.Build(
            b => b.AddHoconFile("hocon/app.conf"),
            File("hocon/app.conf", "actor-heartbeat.connections.feed {\n  url = \"ws://feed.test/ws\"\n  subprotocols = [v1, v2}\n}\n"));

        var message = await StartFailure(test);

        Assert.Contains($"{Path.Combine(test.ContentRoot, "hocon", "app.conf")}:3:", message, StringComparison.Ordinal);
        Assert.Contains("expected", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadValue_FailsHostStart_NamingFileLineAndKey_NeverADefault()
    {
        var test = TestHost.Build(
            b => b.AddHoconFile("app.conf"),
            File("app.conf", "actor-heartbeat.connections.feed {\n  url = \"ws://feed.test/ws\"\n  connect-timeout = soon\n}\n"));

        var message = await StartFailure(test);

        Assert.Contains($"{Path.Combine(test.ContentRoot, "app.conf")}:3:", message, StringComparison.Ordinal);
        Assert.Contains("connect-timeout", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadUrlInCode_FailsHostStart_NamingTheCallSite()
    {
        var message = await StartFailure(TestHost.Build(b => b.AddConnection("feed", "http://feed.test/")));

        Assert.Contains("AddConnection(\"feed\") at ConfigurationTests.cs:", message, StringComparison.Ordinal);
        Assert.Contains("is not a ws:// or wss:// URL", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_FailsHostStart_NamingTheFullPath()
    {
        var test = TestHost.Build(b => b.AddHoconFile("hocon/missing.conf"));

        var message = await StartFailure(test);

        Assert.Contains($"{Path.Combine(test.ContentRoot, "hocon", "missing.conf")}: file not found", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionalMissingFile_IsSkipped()
    {
        await using var test = TestHost.Build(b => b.AddHoconFile("missing.conf", optional: true).AddConnection("feed", "ws://feed.test/ws"));

        await test.Host.StartAsync();

        await test.Logs.WaitForEventAsync("feed", "up");
    }

    [Fact]
    public async Task HoconFile_IsFoundRelativeToTheContentRoot_AndItsConnectionsAreSupervised()
    {
        await using var test = TestHost.Build(
            b => b.AddHoconFile("hocon/app.conf"),
            File("hocon/app.conf", "actor-heartbeat.connections { a.url = \"ws://a.test/ws\", b.url = \"ws://b.test/ws\" }"));

        await test.Host.StartAsync();

        await test.Logs.WaitForEventAsync("a", "up");
        await test.Logs.WaitForEventAsync("b", "up");
    }

    [Fact]
    public async Task DuplicateId_InHoconAndCode_FailsHostStart_NamingBothPlaces()
    {
        var test = TestHost.Build(
            b => b.AddHoconFile("app.conf").AddConnection("feed", "ws://other.test/ws"),
            File("app.conf", "actor-heartbeat.connections {\n  feed { url = \"ws://feed.test/ws\" }\n}\n"));

        var message = await StartFailure(test);

        Assert.Contains("connection 'feed' is defined twice", message, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(test.ContentRoot, "app.conf")}:2:", message, StringComparison.Ordinal);
        Assert.Contains("AddConnection(\"feed\") at ConfigurationTests.cs:", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateId_TwiceInCode_FailsHostStart_NamingBothCallSites()
    {
        var message = await StartFailure(TestHost.Build(b => b
            .AddConnection("feed", "ws://a.test/ws")
            .AddConnection("feed", "ws://b.test/ws")));

        var sites = System.Text.RegularExpressions.Regex.Matches(message, @"AddConnection\(""feed""\) at ConfigurationTests\.cs:(\d+)");
        Assert.Equal(2, sites.Count);
        Assert.Equal(int.Parse(sites[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(sites[1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CodeConnection_MergesOntoTheHoconDefaults_ThenTheCallbackApplies()
    {
        await using var test = TestHost.Build(
            b => b.AddHoconText("""
                actor-heartbeat.connection-defaults {
                  headers { Authorization = "Bearer from-defaults" }
                  subprotocols = [v1]
                  send-buffer.capacity = 7
                }
                """, "defaults.conf")
                .AddConnection("feed", "wss://feed.test/ws", c => c with { Subprotocols = ["v2"] }));
        await test.Host.StartAsync();
        await test.Logs.WaitForEventAsync("feed", "up");

        var request = Assert.Single(test.Transport.Peers).Request;

        Assert.Equal("Bearer from-defaults", request.Headers["Authorization"]);
        Assert.Equal(["v2"], request.Subprotocols);
        var created = test.Connections.CreateSettings("other", "ws://other.test/ws");
        Assert.Equal(7, created.SendBufferCapacity);
        Assert.Equal(["v1"], created.Subprotocols);
    }

    [Fact]
    public async Task LaterHoconSource_WinsOverEarlier_AndObjectsMerge()
    {
        await using var test = TestHost.Build(b => b
            .AddHoconText("actor-heartbeat.connections.feed { url = \"ws://first.test/ws\", subprotocols = [a] }", "first.conf")
            .AddHoconText("actor-heartbeat.connections.feed { url = \"ws://second.test/ws\" }", "second.conf"));
        await test.Host.StartAsync();
        await test.Logs.WaitForEventAsync("feed", "up");

        var request = Assert.Single(test.Transport.Peers).Request;

        Assert.Equal(new Uri("ws://second.test/ws"), request.Url);
        Assert.Equal(["a"], request.Subprotocols);
    }

    public static TheoryData<Func<ConnectionSettings, ConnectionSettings>, string> BadCallbacks => new()
    {
        { c => c with { Id = "renamed" }, "changed its id to 'renamed'" },
        { _ => null!, "returned null" },
        { c => c with { Url = new Uri("https://feed.test/") }, "which is not a ws:// or wss:// URL" },
        { _ => throw new FormatException("no such port"), "threw FormatException: no such port" },
    };

    [Theory]
    [MemberData(nameof(BadCallbacks))]
    public async Task BadConfigureCallback_FailsHostStart_NamingTheConnection(Func<ConnectionSettings, ConnectionSettings> configure, string problem)
    {
        var message = await StartFailure(TestHost.Build(b => b.AddConnection("feed", "ws://feed.test/ws", configure)));

        Assert.Contains("AddConnection(\"feed\") at ConfigurationTests.cs:", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSourcesAtAll_StartsWithNoConnections()
    {
        await using var test = TestHost.Build(_ => { });

        await test.Host.StartAsync();

        Assert.Empty((await test.Connections.GetSnapshotAsync()).Connections);
    }
}
