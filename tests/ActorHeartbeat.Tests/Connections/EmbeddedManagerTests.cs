using System.Net.WebSockets;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Tests.Support;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Connections;

/// <summary>
/// <see cref="ConnectionManager.Props(ActorHeartbeatSettings, IWebSocketTransport, IRandomSource)"/>: the
/// manager spawned as a child of the user's own actor, in virtual time over the in-memory transport.
/// </summary>
public sealed class EmbeddedManagerTests : TestKit.TestKit
{
    private readonly InMemoryTransport _transport = new();

    private static ConnectionSettings Connection(string id, string url = "ws://127.0.0.1:9/feed") => new()
    {
        Id = id,
        Url = new Uri(url),
        Keepalive = null,
        Backoff = new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 2.0, 0.0, JitterMode.RandomFactor, TimeSpan.FromSeconds(30), null),
    };

    private static ActorHeartbeatSettings Settings(params ConnectionSettings[] connections) => new(connections, RttSamples: 16, MaxReconnectsPerSecond: 200);

    [Fact]
    public void ChildManager_SupervisesTheSettingsConnections_FromTheStart()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(Settings(Connection("a"), Connection("b")), _transport, TestActor)), "app");

        var up = new[] { ExpectUp(), ExpectUp() };

        Assert.Equal(["a", "b"], up.Select(e => e.Connection).Order());
        Assert.Equal(2, _transport.Peers.Count);
        parent.Tell(new LivenessRegistry.GetLiveness(), TestActor);
        Assert.All(ExpectMsg<LivenessSnapshot>().Connections, c => Assert.Equal(ConnectionState.Up, c.State));
    }

    [Fact]
    public void ChildManager_LivesAtThePathUnderItsParent_AndTakesCommandsFromIt()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(Settings(), _transport, TestActor)), "app");
        parent.Tell(new ConnectionManager.Add(Connection("late")), TestActor);

        Assert.Equal("late", ExpectMsg<ConnectionManager.Added>().Connection);
        Assert.Equal("late", ExpectUp().Connection);
        parent.Tell(Parent.WhereIsManager.Instance, TestActor);
        Assert.Equal(["user", "app", "connections"], ExpectMsg<ActorPath>().Elements);
    }

    [Fact]
    public void ParentShutdown_ClosesEveryConnectionWithACloseFrame_ThenAnswers()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(Settings(Connection("a"), Connection("b")), _transport, TestActor)), "app");
        ExpectUp();
        ExpectUp();

        parent.Tell(ConnectionManager.Shutdown.Instance, TestActor);

        FishForMessage<ConnectionManager.ShutdownCompleted>(_ => true);
        Assert.All(_transport.Peers, p =>
        {
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, p.ClientCloseStatus);
            Assert.False(p.WasAborted);
        });
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _transport.ConnectAttempts);
    }

    [Fact]
    public void StoppingTheParent_StopsTheManagerWithIt()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(Settings(Connection("a")), _transport, TestActor)), "app");
        ExpectUp();
        var manager = ManagerOf(parent);
        Watch(manager);

        Sys.Stop(parent);

        ExpectTerminated(manager);
        Assert.True(Assert.Single(_transport.Peers).IsClosedByClient);
    }

    [Fact]
    public void WithoutATransport_TheSharedClientWebSocketTransportOpensRealSockets()
    {
        // Port 1 on loopback refuses: a real connect attempt that fails at once, without leaving the machine.
        Sys.ActorOf(Props.Create(() => new Parent(Settings(Connection("real", "ws://127.0.0.1:1/ws")), null, TestActor)), "app");

        var down = FishForMessage<ConnectionEvent>(e => e.Kind == ConnectionEventKind.Down, TimeSpan.FromSeconds(15));

        Assert.Equal(DisconnectReason.ConnectFailed, down.Reason);
        Assert.Equal(0, _transport.ConnectAttempts);
    }

    private ConnectionEvent ExpectUp() => FishForMessage<ConnectionEvent>(e => e.Kind == ConnectionEventKind.Up);

    private IActorRef ManagerOf(IActorRef parent)
    {
        parent.Tell(Parent.GetManager.Instance, TestActor);
        return ExpectMsg<IActorRef>();
    }

    /// <summary>A user's actor that owns a connection manager as its child and passes commands to it.</summary>
    private sealed class Parent : ReceiveActor
    {
        public Parent(ActorHeartbeatSettings settings, IWebSocketTransport? transport, IActorRef events)
        {
            var manager = Context.ActorOf(ConnectionManager.Props(settings, transport, new FixedRandom(0.0)), "connections");
            manager.Tell(new ConnectionManager.Subscribe(events));
            Receive<WhereIsManager>(_ => Sender.Tell(manager.Path));
            Receive<GetManager>(_ => Sender.Tell(manager));
            ReceiveAny(m => manager.Forward(m));
        }

        public sealed record WhereIsManager
        {
            public static WhereIsManager Instance { get; } = new();
        }

        public sealed record GetManager
        {
            public static GetManager Instance { get; } = new();
        }
    }
}
