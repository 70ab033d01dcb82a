using System.Diagnostics.Metrics;
using System.Globalization;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorHeartbeat.Server;

/// <summary>
/// One heartbeat server in an actor system: its settings, its supervisor actor (parent of the session
/// actors and registry of live sessions) and the WebSocket endpoint that hands accepted sockets to it.
/// Registered as a singleton by <see cref="HeartbeatServerServiceCollectionExtensions.AddActorHeartbeatServer(Microsoft.Extensions.DependencyInjection.IServiceCollection, ServerSettings)"/>
/// and mapped with <see cref="HeartbeatEndpointRouteBuilderExtensions.MapActorHeartbeat"/>. The methods here are
/// conveniences over the supervisor's messages (<see cref="ServerSupervisor"/>).
/// </summary>
public sealed partial class HeartbeatServer : IDisposable
{
    /// <summary>The supervisor's actor name (under <c>/user</c>) when it is free; otherwise a generated one.</summary>
    public const string SupervisorName = "heartbeat-server";

    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(10);
    private readonly ServerMetrics _metrics;
    private readonly SessionSlots _slots;
    private readonly ILogger _logger;
    private long _nextSession;
    private volatile bool _stopping;

    /// <summary>Creates the server's supervisor in <paramref name="system"/>.</summary>
    /// <param name="system">The actor system that runs the sessions (its clock drives every timer).</param>
    /// <param name="settings">The server's settings.</param>
    /// <param name="loggerFactory">Where logs go; null for none.</param>
    /// <param name="meterFactory">Creates the <c>ActorHeartbeat</c> meter; null for a plain meter.</param>
    /// <param name="random">Samples for the phase of each session's first ping; null for <see cref="SystemRandomSource"/>.</param>
    /// <exception cref="InvalidOperationException">The actor system is terminating or terminated.</exception>
    public HeartbeatServer(ActorSystem system, ServerSettings settings, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        System = system;
        Settings = settings;
        _logger = (ILogger?)loggerFactory?.CreateLogger("ActorHeartbeat.Server") ?? NullLogger.Instance;
        _metrics = new ServerMetrics(meterFactory);
        _slots = new SessionSlots(settings.MaxConnections);
        var props = ServerSupervisor.Props(settings, random ?? SystemRandomSource.Instance, _metrics, _slots, _logger);
        try
        {
            Supervisor = system.ActorOf(props, SupervisorName);
        }
        catch (InvalidActorNameException)
        {
            // A second server in the same system.
            Supervisor = system.ActorOf(props);
        }
    }

    /// <summary>The actor system the sessions run in.</summary>
    public ActorSystem System { get; }

    /// <summary>The server's settings.</summary>
    public ServerSettings Settings { get; }

    /// <summary>The supervisor actor: send it <see cref="ServerSupervisor"/>'s messages (GetSessions, Broadcast, SendTo, Disconnect, Subscribe, Shutdown).</summary>
    public IActorRef Supervisor { get; }

    /// <summary>Sessions open or being opened (the count max-connections limits).</summary>
    public int OpenSessions => _slots.Taken;

    /// <summary>True once <see cref="BeginShutdown"/> was called: new WebSocket requests get HTTP 503.</summary>
    public bool IsStopping => _stopping;

    /// <summary>The live sessions matching <paramref name="filter"/> (all when null), with recent disconnects and counters.</summary>
    /// <exception cref="AskTimeoutException">The supervisor did not answer within <paramref name="timeout"/> (default 10 s).</exception>
    public Task<SessionsSnapshot> GetSessionsAsync(Func<SessionInfo, bool>? filter = null, TimeSpan? timeout = null) =>
        Supervisor.Ask<SessionsSnapshot>(new ServerSupervisor.GetSessions(filter), timeout ?? QueryTimeout);

    /// <summary>Queues <paramref name="message"/> for every open session matching <paramref name="filter"/>; returns how many.</summary>
    /// <exception cref="AskTimeoutException">The supervisor did not answer within <paramref name="timeout"/> (default 10 s).</exception>
    public async Task<int> BroadcastAsync(OutboundMessage message, Func<SessionInfo, bool>? filter = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queued = await Supervisor.Ask<ServerSupervisor.BroadcastQueued>(new ServerSupervisor.Broadcast(message, filter), timeout ?? QueryTimeout).ConfigureAwait(false);
        return queued.Sessions;
    }

    /// <summary>Disconnects one session from the server side (see <see cref="ServerSupervisor.Disconnect"/>).</summary>
    /// <exception cref="AskTimeoutException">The supervisor did not answer within <paramref name="timeout"/> (default 10 s).</exception>
    public Task<ServerSupervisor.DisconnectResult> DisconnectAsync(string sessionId, DisconnectReason reason = DisconnectReason.DisconnectedByServer, string? detail = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return Supervisor.Ask<ServerSupervisor.DisconnectResult>(new ServerSupervisor.Disconnect(sessionId, reason, detail), timeout ?? QueryTimeout);
    }

    /// <summary>Refuses new sessions (HTTP 503) and tells every session to close with 1001 going-away; returns at once.</summary>
    public void BeginShutdown()
    {
        _stopping = true;
        if (!System.IsTerminated)
        {
            Supervisor.Tell(ServerSupervisor.Shutdown.Instance);
        }
    }

    /// <summary>
    /// Refuses new sessions and closes every open one (close frame 1001 within close-timeout, then abort);
    /// completes when none is left.
    /// </summary>
    /// <exception cref="AskTimeoutException">Sessions were still open after <paramref name="timeout"/> (default: close-timeout + 5 s).</exception>
    public async Task ShutdownAsync(TimeSpan? timeout = null)
    {
        _stopping = true;
        if (System.IsTerminated)
        {
            return;
        }

        await Supervisor.Ask<ServerSupervisor.ShutdownCompleted>(ServerSupervisor.Shutdown.Instance, timeout ?? Settings.CloseTimeout + TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    /// <summary>Stops the supervisor (open sockets are aborted) and disposes the meter.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (!System.IsTerminated)
        {
            System.Stop(Supervisor);
        }

        _metrics.Dispose();
    }

    private string NextSessionId() =>
        "session-" + Interlocked.Increment(ref _nextSession).ToString(CultureInfo.InvariantCulture);
}
