using System.Text;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Connections;

/// <summary>
/// The entry point of the client side: adds, removes and lists supervised connections at runtime,
/// sends on them, and fans inbound messages and liveness transitions out to subscribers. Creates the
/// <see cref="LivenessRegistry"/> and the reconnect limiter as its children; spawn it with
/// <see cref="Props(ConnectionManagerOptions)"/> or <see cref="Props(ActorHeartbeatSettings, IWebSocketTransport, IRandomSource)"/>
/// under the user guardian or as a child of your own actor.
/// </summary>
public sealed class ConnectionManager : ReceiveActor
{
    private readonly IWebSocketTransport _transport;
    private readonly IRandomSource _random;
    private readonly Dictionary<string, IActorRef> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _ids = [];
    private readonly Dictionary<IActorRef, string?> _subscribers = [];
    private readonly IActorRef _registry;
    private readonly HeartbeatMetrics _metrics = new();
    private readonly IActorRef _limiter;
    private readonly List<IActorRef> _shutdownRequesters = [];

    /// <summary>The process-wide transport of <see cref="Props(ActorHeartbeatSettings, IWebSocketTransport, IRandomSource)"/> when none is given: one handler for every socket.</summary>
    private static readonly Lazy<ClientWebSocketTransport> SharedTransport = new(() => new ClientWebSocketTransport());

    private ConnectionManager(ConnectionManagerOptions options)
    {
        _transport = options.Transport;
        _random = options.Random;
        _registry = Context.ActorOf(LivenessRegistry.Props(options.RttSamples, _metrics), "registry");
        _limiter = Context.ActorOf(ReconnectLimiter.Props(options.MaxReconnectsPerSecond), "reconnect-limiter");
        foreach (var connection in options.Connections)
        {
            AddConnection(connection);
        }

        Receive<Add>(a => Sender.Tell(AddConnection(a.Settings) ? new Added(a.Settings.Id) : new Rejected(a.Settings.Id, $"a connection named '{a.Settings.Id}' exists already")));
        Receive<Remove>(OnRemove);
        Receive<Send>(OnSend);
        Receive<ListConnections>(_ => Sender.Tell(new ConnectionList([.. _connections.Keys.Order(StringComparer.Ordinal)])));
        Receive<Subscribe>(s =>
        {
            _subscribers[s.Subscriber] = s.Connection;
            Context.Watch(s.Subscriber);
        });
        Receive<Unsubscribe>(u => _subscribers.Remove(u.Subscriber));
        Receive<LivenessRegistry.GetLiveness>(q => _registry.Forward(q));
        Receive<InboundReceived>(Fanout);
        Receive<ConnectionEvent>(Fanout);
        Receive<Terminated>(OnTerminated);
        Receive<Shutdown>(_ =>
        {
            _shutdownRequesters.Add(Sender);
            foreach (var supervisor in _ids.Keys)
            {
                supervisor.Tell(new ConnectionSupervisor.StopConnection(DisconnectReason.Shutdown));
            }

            ReplyWhenShutDown();
        });
    }

    /// <summary>Props for a manager with <paramref name="options"/>.</summary>
    public static Props Props(ConnectionManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new ConnectionManager(options));
    }

    /// <summary>
    /// Props for a manager that supervises the connections of <paramref name="settings"/> (as read by
    /// <see cref="SettingsReader.Read"/>) from the start, with its registry and reconnect limits; for
    /// spawning it as a child of your own actor.
    /// </summary>
    /// <param name="settings">The connections, <c>registry.rtt-samples</c> and <c>max-reconnects-per-second</c>.</param>
    /// <param name="transport">Opens the WebSockets; null for one <see cref="ClientWebSocketTransport"/> shared by the whole process.</param>
    /// <param name="random">Random samples for jitter and heartbeat phases; null for <see cref="SystemRandomSource.Instance"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static Props Props(ActorHeartbeatSettings settings, IWebSocketTransport? transport = null, IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Props(new ConnectionManagerOptions
        {
            Connections = settings.Connections,
            Transport = transport ?? SharedTransport.Value,
            RttSamples = settings.RttSamples,
            MaxReconnectsPerSecond = settings.MaxReconnectsPerSecond,
            Random = random ?? SystemRandomSource.Instance,
        });
    }

    /// <inheritdoc />
    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ConnectionEvent));

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _metrics.Dispose();
    }

    private bool AddConnection(ConnectionSettings settings)
    {
        if (_connections.ContainsKey(settings.Id))
        {
            return false;
        }

        var supervisor = Context.Watch(Context.ActorOf(
            ConnectionSupervisor.Props(settings, _transport, _registry, _metrics, _limiter, _random),
            ActorName(settings.Id)));
        _connections.Add(settings.Id, supervisor);
        _ids.Add(supervisor, settings.Id);
        return true;
    }

    private void OnRemove(Remove remove)
    {
        if (!_connections.Remove(remove.Connection, out var supervisor))
        {
            Sender.Tell(new Rejected(remove.Connection, $"no connection named '{remove.Connection}'"));
            return;
        }

        supervisor.Tell(new ConnectionSupervisor.StopConnection(DisconnectReason.Removed));
        Sender.Tell(new Removed(remove.Connection));
    }

    private void OnSend(Send send)
    {
        if (_connections.TryGetValue(send.Connection, out var supervisor))
        {
            supervisor.Forward(new ConnectionSupervisor.SendCommand(send.Message, send.Acknowledge));
        }
        else
        {
            Sender.Tell(new SendRejected(send.Connection, send.Message, $"no connection named '{send.Connection}'"));
        }
    }

    private void Fanout(object message)
    {
        var id = message is InboundReceived inbound ? inbound.Connection : ((ConnectionEvent)message).Connection;
        foreach (var (subscriber, filter) in _subscribers)
        {
            if (filter is null || filter == id)
            {
                subscriber.Tell(message, Self);
            }
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        _subscribers.Remove(terminated.ActorRef);
        if (_ids.Remove(terminated.ActorRef, out var id) && _connections.TryGetValue(id, out var current) && current.Equals(terminated.ActorRef))
        {
            // Gave up: the supervisor stopped itself; the registry keeps its last state.
            _connections.Remove(id);
        }

        ReplyWhenShutDown();
    }

    private void ReplyWhenShutDown()
    {
        if (_ids.Count == 0 && _shutdownRequesters.Count > 0)
        {
            _shutdownRequesters.ForEach(r => r.Tell(ShutdownCompleted.Instance, Self));
            _shutdownRequesters.Clear();
        }
    }

    /// <summary>Connection ids are free text; actor names are not: escape what names do not allow.</summary>
    private static string ActorName(string id)
    {
        var sb = new StringBuilder("connection-");
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('~').Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Adds a connection; answered with <see cref="Added"/> or <see cref="Rejected"/> (duplicate id).</summary>
    /// <param name="Settings">The connection.</param>
    public sealed record Add(ConnectionSettings Settings);

    /// <summary>The connection was added and is connecting.</summary>
    /// <param name="Connection">Its id.</param>
    public sealed record Added(string Connection);

    /// <summary>Removes a connection (graceful close); answered with <see cref="Removed"/> or <see cref="Rejected"/> (unknown id).</summary>
    /// <param name="Connection">Its id.</param>
    public sealed record Remove(string Connection);

    /// <summary>The connection is being closed and removed.</summary>
    /// <param name="Connection">Its id.</param>
    public sealed record Removed(string Connection);

    /// <summary>A command was refused.</summary>
    /// <param name="Connection">The id it named.</param>
    /// <param name="Reason">Why.</param>
    public sealed record Rejected(string Connection, string Reason);

    /// <summary>Sends on a connection: at once when up, else buffered; a refused send is answered with <see cref="SendRejected"/>.</summary>
    /// <param name="Connection">The id.</param>
    /// <param name="Message">The message.</param>
    public sealed record Send(string Connection, OutboundMessage Message)
    {
        /// <summary>
        /// Also answer a send the connection took with <see cref="SendAccepted"/> (default false). A
        /// message taken into the send buffer can still be refused later (the connection is removed or
        /// gives up before it comes up); that refusal then follows the acceptance.
        /// </summary>
        public bool Acknowledge { get; init; }
    }

    /// <summary>Asks for the ids; answered with <see cref="ConnectionList"/>.</summary>
    public sealed record ListConnections
    {
        /// <summary>The single instance.</summary>
        public static ListConnections Instance { get; } = new();
    }

    /// <summary>The reply to <see cref="ListConnections"/>.</summary>
    /// <param name="Connections">The ids, ordered.</param>
    public sealed record ConnectionList(IReadOnlyList<string> Connections);

    /// <summary>
    /// Subscribes <paramref name="Subscriber"/> to <see cref="InboundReceived"/> and <see cref="ConnectionEvent"/>
    /// of one connection, or of all when <paramref name="Connection"/> is null. Re-subscribing replaces the filter.
    /// </summary>
    /// <param name="Subscriber">Who receives them.</param>
    /// <param name="Connection">The id, or null for all.</param>
    public sealed record Subscribe(IActorRef Subscriber, string? Connection = null);

    /// <summary>Ends a subscription.</summary>
    /// <param name="Subscriber">The subscriber.</param>
    public sealed record Unsubscribe(IActorRef Subscriber);

    /// <summary>Answers <see cref="Shutdown"/> once every connection has closed (or was aborted after close-timeout).</summary>
    public sealed record ShutdownCompleted
    {
        /// <summary>The single instance.</summary>
        public static ShutdownCompleted Instance { get; } = new();
    }

    /// <summary>Closes every connection gracefully (reason <c>shutdown</c>); answered with <see cref="ShutdownCompleted"/>.</summary>
    public sealed record Shutdown
    {
        /// <summary>The single instance.</summary>
        public static Shutdown Instance { get; } = new();
    }
}
