using ActorHeartbeat.Actors;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;
using ActorHeartbeat.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ActorHeartbeat.Server.Tests;

/// <summary>How the server registers in dependency injection and maps its endpoint.</summary>
public sealed class HeartbeatServerRegistrationTests
{
    [Fact]
    public async Task AnActorSystemRegisteredBefore_IsShared()
    {
        await using var system = ActorSystem.Create("shared");
        await using var provider = new ServiceCollection().AddSingleton(system).AddActorHeartbeatServer(new ServerSettings()).BuildServiceProvider();

        var server = provider.GetRequiredService<HeartbeatServer>();

        Assert.Same(system, server.System);
        Assert.Same(system, provider.GetRequiredService<ActorSystem>());
        Assert.Equal("/user/" + HeartbeatServer.SupervisorName, string.Concat(server.Supervisor.Path.Elements.Select(e => "/" + e)));
    }

    [Fact]
    public async Task WithoutOne_ASystemNamedActorHeartbeat_OnTheRegisteredTimeProvider_IsCreatedAndTerminatedWithTheContainer()
    {
        var time = new ManualTimeProvider();
        var provider = new ServiceCollection().AddSingleton<TimeProvider>(time).AddActorHeartbeatServer().BuildServiceProvider();

        var system = provider.GetRequiredService<HeartbeatServer>().System;
        Assert.Equal(HeartbeatServerServiceCollectionExtensions.ActorSystemName, system.Name);
        Assert.Same(time, system.TimeProvider);

        await provider.DisposeAsync();
        Assert.True(system.IsTerminated);
    }

    [Fact]
    public void FromHocon_TheServerSectionIsRead()
    {
        var config = HoconParser.Parse("actor-heartbeat.server { path = \"/live\", send-queue = 7 }", "app.conf").WithFallback(ConfigLoader.Reference).Resolve();
        using var provider = new ServiceCollection().AddActorHeartbeatServer(config).BuildServiceProvider();

        var settings = provider.GetRequiredService<HeartbeatServer>().Settings;

        Assert.Equal(("/live", 7), (settings.Path, settings.SendQueueCapacity));
    }

    [Fact]
    public async Task MapActorHeartbeat_WithoutRegistration_SaysWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapActorHeartbeat());

        Assert.Contains("AddActorHeartbeatServer", error.Message, StringComparison.Ordinal);
    }
}
