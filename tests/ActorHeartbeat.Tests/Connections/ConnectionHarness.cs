using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Tests.Support;
using ActorHeartbeat.TestKit;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Connections;

/// <summary>A connection manager on the in-memory transport, in virtual time, with a subscribed probe.</summary>
public abstract class ConnectionHarness : TestKit.TestKit
{
    protected ConnectionHarness() => Events = CreateTestProbe("events");

    protected InMemoryTransport Transport { get; } = new();

    protected TestProbe Events { get; }

    protected IActorRef Manager { get; private set; } = null!;

    /// <summary>The random sample every decision gets (jitter, first-tick phase); set before <see cref="StartManager(ConnectionSettings[])"/>.</summary>
    protected double RandomSample { get; set; }

    protected static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    protected static ConnectionSettings Settings(
        string id = "feed",
        bool heartbeat = true,
        TimeSpan? idle = null,
        PingResponder? respond = null,
        int? maxRetries = null,
        int bufferCapacity = 16,
        OverflowPolicy overflow = OverflowPolicy.Reject,
        IReadOnlyList<string>? onConnect = null,
        TimeSpan? interval = null,
        TimeSpan? timeout = null) => new()
        {
            Id = id,
            Url = new Uri("ws://127.0.0.1:9/feed"),
            ConnectTimeout = S(5),
            CloseTimeout = S(2),
            Keepalive = null,
            OnConnect = onConnect ?? [],
            SendBufferCapacity = bufferCapacity,
            SendBufferOverflow = overflow,
            Heartbeat = new HeartbeatRules(
                heartbeat
                    ? new ApplicationHeartbeat(interval ?? S(20), timeout ?? S(10), MessageTemplate.Parse("{\"op\":\"ping\",\"seq\":{seq}}"), MessageMatcher.JsonFieldEquals("op", "pong"), "seq", false)
                    : null,
                idle,
                respond),
            Backoff = new BackoffPolicy(S(1), S(8), 2.0, 0.0, JitterMode.RandomFactor, S(30), maxRetries),
        };

    /// <summary>Answers every ping with the matching pong.</summary>
    protected static string? Pong(string sent) =>
        sent.StartsWith("{\"op\":\"ping\"", StringComparison.Ordinal) ? sent.Replace("\"ping\"", "\"pong\"", StringComparison.Ordinal) : null;

    protected void StartManager(params ConnectionSettings[] connections) => StartManager(200, connections);

    protected void StartManager(double maxReconnectsPerSecond, params ConnectionSettings[] connections)
    {
        Manager = Sys.ActorOf(ConnectionManager.Props(new ConnectionManagerOptions
        {
            Transport = Transport,
            Random = new FixedRandom(RandomSample),
            MaxReconnectsPerSecond = maxReconnectsPerSecond,
        }), "manager");
        Manager.Tell(new ConnectionManager.Subscribe(Events));
        foreach (var connection in connections)
        {
            Manager.Tell(new ConnectionManager.Add(connection));
        }

        WaitForIdle();
    }

    /// <summary>Takes events until one of <paramref name="kind"/> for <paramref name="connection"/> (any connection when null).</summary>
    protected ConnectionEvent ExpectEvent(ConnectionEventKind kind, string? connection = "feed") =>
        Events.FishForMessage<ConnectionEvent>(e => e.Kind == kind && (connection is null || e.Connection == connection));

    /// <summary>Takes events until <paramref name="count"/> of <paramref name="kind"/> arrived (order across connections is not defined).</summary>
    protected IReadOnlyList<ConnectionEvent> ExpectEvents(ConnectionEventKind kind, int count)
    {
        var found = new List<ConnectionEvent>();
        while (found.Count < count)
        {
            found.Add(ExpectEvent(kind, connection: null));
        }

        return found;
    }

    protected ConnectionEvent NextEvent() => Events.FishForMessage<ConnectionEvent>(_ => true);

    protected ConnectionLiveness Liveness(string id = "feed")
    {
        Manager.Tell(new LivenessRegistry.GetLiveness(id), TestActor);
        return Assert.Single(ExpectMsg<LivenessSnapshot>().Connections);
    }
}
