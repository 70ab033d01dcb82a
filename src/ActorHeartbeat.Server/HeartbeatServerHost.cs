using ActorHeartbeat.Actors;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Server;

/// <summary>
/// The heartbeat server on its own Kestrel host, started from code: for the <c>serve</c> command, the demo
/// and tests. <c>await using var host = await HeartbeatServerHost.StartAsync(settings);</c> listens on
/// 127.0.0.1 on a free port; <see cref="WebSocketUri"/> says where.
/// </summary>
public sealed class HeartbeatServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private HeartbeatServerHost(WebApplication app, HeartbeatServer server, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Server = server;
        Addresses = addresses;
        BaseAddress = addresses[0];
        WebSocketUri = new UriBuilder(BaseAddress)
        {
            Scheme = BaseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = server.Settings.Path,
        }.Uri;
    }

    /// <summary>The server: settings, supervisor, session queries, broadcast, disconnect.</summary>
    public HeartbeatServer Server { get; }

    /// <summary>The actor system the sessions run in.</summary>
    public ActorSystem System => Server.System;

    /// <summary>The supervisor actor (see <see cref="ServerSupervisor"/> for its messages).</summary>
    public IActorRef Supervisor => Server.Supervisor;

    /// <summary>Every address Kestrel listens on, with the real port (also when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The first listen address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The WebSocket URL of the endpoint on <see cref="BaseAddress"/>, e.g. <c>ws://127.0.0.1:41234/ws</c>.</summary>
    public Uri WebSocketUri { get; }

    /// <summary>Starts a host with the settings under <c>actor-heartbeat.server</c> of <paramref name="config"/>.</summary>
    /// <exception cref="HoconException">A setting is bad; the message names the file, line and key.</exception>
    /// <exception cref="IOException">Kestrel could not listen (e.g. the port is taken).</exception>
    public static Task<HeartbeatServerHost> StartAsync(Config config, HeartbeatServerHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        return StartAsync(SettingsReader.ReadServer(config), options, cancellationToken);
    }

    /// <summary>Starts a host: Kestrel on <see cref="HeartbeatServerHostOptions.Urls"/> (default 127.0.0.1, free port) with the endpoint at the settings' path.</summary>
    /// <exception cref="IOException">Kestrel could not listen (e.g. the port is taken).</exception>
    /// <exception cref="ArgumentException">The URLs are malformed.</exception>
    public static async Task<HeartbeatServerHost> StartAsync(ServerSettings settings, HeartbeatServerHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new HeartbeatServerHostOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.CloseTimeout + TimeSpan.FromSeconds(5));
        if (options.ActorSystem is { } system)
        {
            builder.Services.AddSingleton(system);
        }

        if (options.TimeProvider is { } time)
        {
            builder.Services.AddSingleton(time);
        }

        if (options.Random is { } random)
        {
            builder.Services.AddSingleton(random);
        }

        builder.Services.AddActorHeartbeatServer(settings);
        var app = builder.Build();
        app.MapActorHeartbeat();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a))
            .ToList();
        return new HeartbeatServerHost(app, app.Services.GetRequiredService<HeartbeatServer>(), addresses);
    }

    /// <summary>
    /// Stops the host: new requests are refused, every session gets a close frame 1001 going-away
    /// (bounded by close-timeout, then aborted), then Kestrel stops. Idempotent.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await Server.ShutdownAsync().ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            // Sessions that did not close in time are aborted when Kestrel stops.
        }

        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops (if not yet stopped) and disposes the host; a host-created actor system is terminated.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
