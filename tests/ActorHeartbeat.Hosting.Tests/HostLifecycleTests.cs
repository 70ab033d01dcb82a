using System.Net.WebSockets;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Core;
using ActorHeartbeat.Hosting.Tests.Support;
using ActorHeartbeat.TestKit;
using ActorHeartbeat.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Tests;

public sealed class HostLifecycleTests
{
    [Fact]
    public async Task GenericHost_ConnectsToALoopbackServer_AndStopClosesEveryConnectionWithACloseFrame()
    {
        await using var server = await LoopbackServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddActorHeartbeat(b => b
            .AddHoconText($$"""actor-heartbeat.connections.feed-a { url = "{{server.Url}}" }""", "app.conf")
            .AddConnection("feed-b", server.Url.ToString()));
        using var host = builder.Build();

        await host.StartAsync();
        await logs.WaitForEventAsync("feed-a", "up");
        await logs.WaitForEventAsync("feed-b", "up");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.StopAsync(bound.Token);

        await server.WaitForClosesAsync(2);
        Assert.Equal(2, server.Sessions.Count);
        Assert.All(server.Sessions, s => Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, s.CloseStatus));
        var downs = logs.Entries.Where(e => e.Field("event") == "down").ToList();
        Assert.Equal(["feed-a", "feed-b"], downs.Select(d => d.Field("connection")).Order());
        Assert.All(downs, d => Assert.Equal("shutdown", d.Field("reason")));
        var system = host.Services.GetRequiredService<ActorSystem>();
        Assert.False(system.IsTerminated);
        host.Dispose();
        Assert.True(system.IsTerminated);
    }

    [Fact]
    public async Task HostStart_BringsUpTheConfiguredConnections()
    {
        await using var test = await TestHost.StartAsync(b => b.AddConnection("feed", "ws://feed.test/ws"));

        await test.Logs.WaitForEventAsync("feed", "up");

        var snapshot = await test.Connections.GetSnapshotAsync();
        Assert.Equal(ConnectionState.Up, Assert.Single(snapshot.Connections).State);
        Assert.Equal(new Uri("ws://feed.test/ws"), Assert.Single(test.Transport.Peers).Request.Url);
    }

    [Fact]
    public async Task HostStop_ClosesGracefully_AndTheContainerTerminatesTheActorSystemItCreated()
    {
        var test = TestHost.Build(b => b.AddConnection("a", "ws://a.test/ws").AddConnection("b", "ws://b.test/ws"));
        await test.Host.StartAsync();
        await test.Logs.WaitForEventAsync("a", "up");
        await test.Logs.WaitForEventAsync("b", "up");

        await test.StopAsync();

        Assert.All(test.Transport.Peers, p =>
        {
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, p.ClientCloseStatus);
            Assert.False(p.WasAborted);
        });
        var system = test.System;
        Assert.False(system.IsTerminated);
        Assert.Contains(test.Logs.Entries, e => e.Message.Contains("every connection closed", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => test.Connections.Subscribe());
        await test.DisposeAsync();
        Assert.True(system.IsTerminated);
    }

    [Fact]
    public async Task HostStop_WhenTheShutdownTokenIsAlreadyCancelled_StillTerminatesWithoutHanging()
    {
        var test = TestHost.Build(b => b.AddConnection("a", "ws://a.test/ws"));
        await test.Host.StartAsync();
        await test.Logs.WaitForEventAsync("a", "up");

        await test.Host.StopAsync(new CancellationToken(canceled: true));

        Assert.Contains(test.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("did not close before the host's shutdown timeout", StringComparison.Ordinal));
        await ((IAsyncDisposable)test.Host).DisposeAsync();
    }

    [Fact]
    public async Task Facade_BeforeTheHostStarted_ThrowsANamedError()
    {
        await using var test = TestHost.Build(b => b.AddConnection("a", "ws://a.test/ws"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => test.Connections.SendAsync("a", "hello"));

        Assert.Contains("has not started", error.Message, StringComparison.Ordinal);
        await test.Host.StartAsync();
    }

    [Fact]
    public void AddActorHeartbeat_WithoutALambda_ReturnsTheBuilderOverTheSameServices()
    {
        var services = new ServiceCollection();

        var builder = services.AddActorHeartbeat();

        Assert.Same(services, builder.Services);
        Assert.Same(builder, builder.AddConnection("a", "ws://a.test/ws"));
    }

    [Fact]
    public void AddActorHeartbeat_Twice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddActorHeartbeat(b => b.AddConnection("a", "ws://a.test/ws"));
        services.AddActorHeartbeat(b => b.AddConnection("b", "ws://b.test/ws"));

        Assert.Single(services, d => d.ServiceType == typeof(ActorSystem));
        Assert.Single(services, d => d.ServiceType == typeof(IWebSocketTransport));
        Assert.Single(services, d => d.ServiceType == typeof(IHeartbeatConnections));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public async Task AddActorHeartbeat_Twice_SupervisesTheConnectionsOfBothCalls()
    {
        await using var test = TestHost.Build(
            b => b.AddConnection("b", "ws://b.test/ws"),
            services: s => s.AddActorHeartbeat(b => b.AddConnection("a", "ws://a.test/ws")));
        await test.Host.StartAsync();

        await test.Logs.WaitForEventAsync("a", "up");
        await test.Logs.WaitForEventAsync("b", "up");
    }

    [Fact]
    public async Task DefaultRegistrations_AreTheClientTransport_AndASystemNamedActorHeartbeatOnTheEventLoopClock()
    {
        var services = new ServiceCollection();
        services.AddActorHeartbeat();
        await using var provider = services.BuildServiceProvider();

        var system = provider.GetRequiredService<ActorSystem>();

        Assert.Equal("actor-heartbeat", system.Name);
        Assert.Same(TransportEventLoop.TimeProvider, system.TimeProvider);
        Assert.IsType<ClientWebSocketTransport>(provider.GetRequiredService<IWebSocketTransport>());
    }

    [Fact]
    public async Task ActorSystemRegisteredFirst_IsShared_NotReplaced()
    {
        var time = new ManualTimeProvider();
        await using var own = ActorSystem.Create("shared", new ActorSystemSettings { TimeProvider = time });
        var services = new ServiceCollection();
        services.AddSingleton(own);

        services.AddActorHeartbeat();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<ActorSystem>());
    }

    [Fact]
    public async Task RegisteredTimeProvider_IsTheActorSystemsClock()
    {
        await using var test = TestHost.Build(b => { });

        Assert.Same(test.Time, test.System.TimeProvider);
        await test.Host.StartAsync();
    }
}
