using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// The running part of the hosting layer: spawns the event logger, the <see cref="ConnectionManager"/>
/// and the send coordinator in the shared <see cref="ActorSystem"/> at start, and at stop closes every
/// connection (<see cref="ConnectionManager.Shutdown"/>), writes the last events and terminates the system.
/// </summary>
internal sealed class HeartbeatRuntime
{
    public const string ManagerName = "heartbeat-connections";
    public const string LogCategory = "ActorHeartbeat.Connections";

    private readonly IWebSocketTransport _transport;
    private readonly SettingsResolver _resolver;
    private readonly IOptions<ActorHeartbeatOptions> _options;
    private readonly IRandomSource _random;
    private readonly object _gate = new();
    private Started? _started;
    private bool _stopped;
    private long _lateRejections;

    public HeartbeatRuntime(
        ActorSystem system,
        IWebSocketTransport transport,
        SettingsResolver resolver,
        IOptions<ActorHeartbeatOptions> options,
        ILoggerFactory? loggerFactory = null,
        IRandomSource? random = null)
    {
        System = system;
        _transport = transport;
        _resolver = resolver;
        _options = options;
        _random = random ?? SystemRandomSource.Instance;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LogCategory);
    }

    public ActorSystem System { get; }

    public ILogger Logger { get; }

    public long LateRejections => Interlocked.Read(ref _lateRejections);

    /// <summary>The actors, once started and until stopped.</summary>
    /// <exception cref="InvalidOperationException">Not started, or stopped.</exception>
    public Started Require()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                throw new InvalidOperationException("ActorHeartbeat has stopped: the host is shutting down or has shut down.");
            }

            return _started ?? throw new InvalidOperationException(
                "ActorHeartbeat has not started yet: IHeartbeatConnections can be used once the host has started (after the hosted services' StartAsync).");
        }
    }

    public void Start()
    {
        var resolved = _resolver.Resolve(_options.Value);
        if (resolved.Error is { } error)
        {
            // Validation on start reports this first; this guards hosts built without it.
            throw new InvalidOperationException($"ActorHeartbeat configuration: {error}");
        }

        lock (_gate)
        {
            if (_started is not null || _stopped)
            {
                return;
            }

            var settings = resolved.Settings!;
            var eventLogger = EventLogger.Subscribe(System, System.ActorOf(EventLogger.Props(Logger), "heartbeat-log"));
            foreach (var connection in settings.Connections)
            {
                Log.Supervising(Logger, connection.Id, Redaction.Describe(connection));
            }

            var manager = System.ActorOf(ConnectionManager.Props(settings, _transport, _random), ManagerName);
            var sends = System.ActorOf(SendCoordinator.Props(manager, Logger, () => Interlocked.Increment(ref _lateRejections)), "heartbeat-sends");
            _started = new Started(manager, sends, eventLogger, resolved.Defaults!);
            Log.Started(Logger, settings.Connections.Count);
        }
    }

    /// <summary>
    /// Closes every connection gracefully, bounded by <paramref name="cancellationToken"/>. The actor system
    /// is left running: it may be shared (the heartbeat server registers the same singleton, and its hosted
    /// service may stop after this one), so its owner ends it — the DI container disposes a system it created.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Started? started;
        lock (_gate)
        {
            started = _started;
            _started = null;
            _stopped = true;
        }

        if (started is not null)
        {
            await CloseConnections(started, cancellationToken).ConfigureAwait(false);

            // Our actors go now (subscriptions watch the manager and end with it); the system stays for its owner.
            System.Stop(started.Manager);
            System.Stop(started.Sends);
            System.Stop(started.EventLogger);
        }
    }

    private async Task CloseConnections(Started started, CancellationToken cancellationToken)
    {
        try
        {
            await started.Manager.Ask<ConnectionManager.ShutdownCompleted>(ConnectionManager.Shutdown.Instance, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);

            // The last transitions travel registry → event stream → logger: one round trip through each writes them.
            await started.Manager.Ask<LivenessSnapshot>(new LivenessRegistry.GetLiveness(), Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            await started.EventLogger.Ask<EventLogger.Flush>(EventLogger.Flush.Instance, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            Log.Stopped(Logger);
        }
        catch (OperationCanceledException)
        {
            Log.StopTimedOut(Logger);
        }
        catch (AskDeliveryException)
        {
            // The manager had already stopped (the system was terminated by someone else): nothing left to close.
        }
    }

    /// <summary>The running actors and the configured connection defaults.</summary>
    public sealed record Started(IActorRef Manager, IActorRef Sends, IActorRef EventLogger, Hocon.Config Defaults);
}
