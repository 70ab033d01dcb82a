using ActorHeartbeat.Tests.Support;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Our client as a user runs it: a <see cref="ConnectionManager"/> on a real-time <see cref="ActorSystem"/>
/// with the <see cref="ClientWebSocketTransport"/>, supervising one connection, every event recorded in
/// <see cref="Events"/>. Disposal shuts the manager down gracefully (bounded) and terminates the system.
/// </summary>
internal sealed class LoopbackClient : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(5);
    private static int s_systems;

    private readonly ActorSystem _system;
    private readonly ClientWebSocketTransport _transport;
    private readonly IActorRef _manager;

    private LoopbackClient(ConnectionSettings settings, ClientWebSocketTransport? transport)
    {
        Settings = settings;
        _system = ActorSystem.Create(
            $"integration-{Interlocked.Increment(ref s_systems)}",
            new ActorSystemSettings { TimeProvider = TimeProvider.System });
        _transport = transport ?? new ClientWebSocketTransport();
        _manager = _system.ActorOf(ConnectionManager.Props(new ConnectionManagerOptions
        {
            Transport = _transport,
            Random = new FixedRandom(0.0),
            RttSamples = 1024,
        }), "manager");
        var recorder = _system.ActorOf(EventRecorder.Props(Events), "events");

        // Subscribe before adding, so the first connecting and up are recorded too.
        _manager.Tell(new ConnectionManager.Subscribe(recorder));
        _manager.Tell(new ConnectionManager.Add(settings));
    }

    public ConnectionSettings Settings { get; }

    public EventLog Events { get; } = new();

    /// <summary>Starts the client on <paramref name="transport"/> (default: the transport a user gets), which it then owns and disposes.</summary>
    public static LoopbackClient Start(ConnectionSettings settings, ClientWebSocketTransport? transport = null) => new(settings, transport);

    /// <summary>The registry's view of the connection.</summary>
    public async Task<ConnectionLiveness> LivenessAsync()
    {
        var snapshot = await _manager.Ask<LivenessSnapshot>(new LivenessRegistry.GetLiveness(Settings.Id), AskTimeout).ConfigureAwait(false);
        return Assert.Single(snapshot.Connections);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _manager.Ask<ConnectionManager.ShutdownCompleted>(ConnectionManager.Shutdown.Instance, ShutdownBound).ConfigureAwait(false);
        }
        finally
        {
            await _system.Terminate().WaitAsync(ShutdownBound).ConfigureAwait(false);
            _transport.Dispose();
        }
    }
}
