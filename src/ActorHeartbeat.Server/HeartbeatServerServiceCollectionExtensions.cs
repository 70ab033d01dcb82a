using System.Diagnostics.Metrics;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Server;

/// <summary>Registers the heartbeat server in a service collection.</summary>
public static class HeartbeatServerServiceCollectionExtensions
{
    /// <summary>The name of the actor system registered when none is (shared with ActorHeartbeat.Hosting).</summary>
    public const string ActorSystemName = "actor-heartbeat";

    /// <summary>Registers the server with the defaults of reference.conf.</summary>
    public static IServiceCollection AddActorHeartbeatServer(this IServiceCollection services) =>
        services.AddActorHeartbeatServer(SettingsReader.ReadServer(ConfigLoader.Reference));

    /// <summary>Registers the server with the settings under <c>actor-heartbeat.server</c> of <paramref name="config"/> (usually from <see cref="ConfigLoader.Load"/>).</summary>
    /// <exception cref="HoconException">A setting is bad; the message names the file, line and key.</exception>
    public static IServiceCollection AddActorHeartbeatServer(this IServiceCollection services, Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return services.AddActorHeartbeatServer(SettingsReader.ReadServer(config));
    }

    /// <summary>
    /// Registers the server: the <see cref="ActorSystem"/> (only if none is registered yet — named
    /// <c>actor-heartbeat</c>, on the registered <see cref="TimeProvider"/> or the system clock — so
    /// ActorHeartbeat.Hosting and the server share one system), the <see cref="HeartbeatServer"/>
    /// singleton, and on application stopping a graceful close of every session (1001 going-away within
    /// close-timeout, then abort). Map the endpoint with <see cref="HeartbeatEndpointRouteBuilderExtensions.MapActorHeartbeat"/>.
    /// </summary>
    public static IServiceCollection AddActorHeartbeatServer(this IServiceCollection services, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(sp => ActorSystem.Create(ActorSystemName, new ActorSystemSettings
        {
            TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
        }));
        services.TryAddSingleton(sp =>
        {
            var server = new HeartbeatServer(
                sp.GetRequiredService<ActorSystem>(),
                settings,
                sp.GetService<ILoggerFactory>(),
                sp.GetService<IMeterFactory>(),
                sp.GetService<IRandomSource>());
            sp.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(server.BeginShutdown);
            return server;
        });
        return services;
    }
}
