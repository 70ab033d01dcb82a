using ActorHeartbeat.Actors;
using ActorHeartbeat.Hosting;
using ActorHeartbeat.Hosting.Internal;
using ActorHeartbeat.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Extension methods for IServiceCollection live in its namespace (as AddHttpClient does), so
// builder.Services.AddActorHeartbeat(...) needs no extra using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ActorHeartbeat's supervised client connections to a generic host.</summary>
public static class ActorHeartbeatServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="ActorSystem"/> registered when none is.</summary>
    public const string ActorSystemName = "actor-heartbeat";

    /// <summary>
    /// Registers the connection manager and everything around it; configure it with the returned builder.
    /// Safe to call more than once (registrations are <c>TryAdd</c>; configuration accumulates):
    /// <list type="bullet">
    /// <item>an <see cref="ActorSystem"/> named <c>actor-heartbeat</c> unless one is registered (so other
    /// ActorHeartbeat integrations share one system), on the registered <see cref="TimeProvider"/>, or
    /// else with <see cref="TransportEventLoop.CreateActorSystemSettings"/> (the system clock, with timers
    /// firing on the transport's I/O event loop on Linux);</item>
    /// <item>an <see cref="IWebSocketTransport"/> unless one is registered: one <see cref="ClientWebSocketTransport"/> for the process;</item>
    /// <item><see cref="IHeartbeatConnections"/>, the facade for code that is not an actor;</item>
    /// <item>a hosted service that starts the connections with the host, and on shutdown closes each with a
    /// close frame (within its <c>close-timeout</c>, then abort), bounded by the host's shutdown timeout,
    /// then terminates the actor system;</item>
    /// <item>validation on start: a bad HOCON file or value, or an id defined twice, fails the host's start
    /// with an <see cref="OptionsValidationException"/> whose message names the file, line and column
    /// (or both definitions) — never a silent default;</item>
    /// <item>logging of every connection event (category <c>ActorHeartbeat.Connections</c>) with the
    /// structured fields <c>connection</c>, <c>event</c>, <c>reason</c>, <c>attempt</c>, <c>rttMs</c>,
    /// <c>delayMs</c>; handshake header values are logged as <c>***</c>.</item>
    /// </list>
    /// Without any HOCON source the defaults of reference.conf apply and only code connections exist.
    /// An <see cref="IRandomSource"/> in the container, if any, supplies jitter and heartbeat phases.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder, to add HOCON files and connections.</returns>
    public static IActorHeartbeatBuilder AddActorHeartbeat(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ActorHeartbeatOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ActorHeartbeatOptions>, ActorHeartbeatOptionsValidator>());
        services.TryAddSingleton<SettingsResolver>();
        services.TryAddSingleton(static provider => ActorSystem.Create(
            ActorSystemName,
            provider.GetService<TimeProvider>() is { } time ? new ActorSystemSettings { TimeProvider = time } : TransportEventLoop.CreateActorSystemSettings()));
        services.TryAddSingleton<IWebSocketTransport, ClientWebSocketTransport>();
        services.TryAddSingleton<HeartbeatRuntime>();
        services.TryAddSingleton<IHeartbeatConnections, HeartbeatConnections>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HeartbeatHostedService>());
        return new ActorHeartbeatBuilder(services);
    }

    /// <summary>As <see cref="AddActorHeartbeat(IServiceCollection)"/>, then runs <paramref name="configure"/> on the builder.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds HOCON files and connections, e.g. <c>b => b.AddHoconFile("hocon/app.conf")</c>.</param>
    /// <returns>The builder.</returns>
    public static IActorHeartbeatBuilder AddActorHeartbeat(this IServiceCollection services, Action<IActorHeartbeatBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddActorHeartbeat();
        configure(builder);
        return builder;
    }
}
