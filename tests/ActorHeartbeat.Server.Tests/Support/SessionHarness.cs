using ActorHeartbeat.Actors;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Settings;
using ActorHeartbeat.TestKit;
using ActorHeartbeat.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorHeartbeat.Server.Tests.Support;

/// <summary>
/// A server supervisor in virtual time whose sessions run on in-memory connections: the test plays the
/// clients through <see cref="InMemoryPeer"/> (what it sends arrives at the session; what the session
/// writes shows in <see cref="InMemoryPeer.Received"/>). <see cref="Events"/> is subscribed to the supervisor.
/// </summary>
public abstract class SessionHarness : TestKit.TestKit
{
    private readonly InMemoryTransport _transport = new();
    private readonly ServerMetrics _metrics = new();

    protected SessionHarness() => Events = CreateTestProbe("events");

    protected TestProbe Events { get; }

    protected IActorRef Supervisor { get; private set; } = null!;

    protected static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Server pings every 20 s (the first at 10 s: phase 0.5), pong deadline 10 s; clients' pings answered.</summary>
    protected static ServerSettings Settings(bool heartbeat = true, TimeSpan? idle = null, int sendQueue = 16) => new()
    {
        Keepalive = null,
        CloseTimeout = S(2),
        SendQueueCapacity = sendQueue,
        MaxMessageSize = 1024,
        Heartbeat = new HeartbeatRules(
            heartbeat
                ? new ApplicationHeartbeat(S(20), S(10), MessageTemplate.Parse("""{"op":"ping","seq":{seq}}"""), MessageMatcher.JsonFieldEquals("op", "pong"), "seq", false)
                : null,
            idle,
            ServerSettings.DefaultRules.Respond),
    };

    /// <summary>Answers the server's pings the way a healthy client does.</summary>
    protected static string? Pong(string sent) =>
        sent.StartsWith("{\"op\":\"ping\"", StringComparison.Ordinal) ? sent.Replace("\"ping\"", "\"pong\"", StringComparison.Ordinal) : null;

    protected void StartServer(ServerSettings settings)
    {
        Supervisor = Sys.ActorOf(ServerSupervisor.Props(settings, new FixedRandom(0.5), _metrics, null, NullLogger.Instance), "server");
        Supervisor.Tell(new ServerSupervisor.Subscribe(Events));
        WaitForIdle();
    }

    /// <summary>Opens a session as the endpoint does for an accepted socket; returns the client's end and the session's completion.</summary>
    protected (InMemoryPeer Client, Task Completion) Open(string id, string query = "", Func<IWebSocketConnection, IWebSocketConnection>? wrap = null)
    {
        var (connection, client) = NewConnection();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new SessionInfo(id, "127.0.0.1:50000", "/ws", query, null, null, Time.GetUtcNow());
        Supervisor.Tell(new ServerSupervisor.OpenSession(info, wrap is null ? connection : wrap(connection), completion));
        Events.FishForMessage<ConnectionEvent>(e => e.Connection == id && e.Kind == ConnectionEventKind.Up);
        return (client, completion.Task);
    }

    /// <summary>An in-memory socket (the session's end) and its client (the test's end); in-memory connects complete at once.</summary>
    protected (IWebSocketConnection Connection, InMemoryPeer Client) NewConnection()
    {
        var connection = _transport.ConnectAsync(
            new ConnectRequest(new Uri("ws://127.0.0.1:9/ws"), new Dictionary<string, string>(), [], null, null),
            CancellationToken.None).GetAwaiter().GetResult();
        return (connection, _transport.LastPeer!);
    }

    protected ConnectionEvent ExpectDown(string id) =>
        Events.FishForMessage<ConnectionEvent>(e => e.Connection == id && e.Kind == ConnectionEventKind.Down);

    protected SessionsSnapshot Sessions()
    {
        Supervisor.Tell(new ServerSupervisor.GetSessions(), TestActor);
        return ExpectMsg<SessionsSnapshot>();
    }

    /// <summary>Waits (bounded) until the session has stopped and the supervisor has cleaned it up.</summary>
    protected void ExpectGone(string id, Task completion)
    {
        AwaitCondition(() => completion.IsCompleted, message: $"session {id} stopped");
        Assert.DoesNotContain(Sessions().Sessions, s => s.Id == id);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _metrics.Dispose();
        }
    }
}
