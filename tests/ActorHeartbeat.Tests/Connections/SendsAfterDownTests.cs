using ActorHeartbeat.Tests.Support;
using System.Net.WebSockets;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.TestKit;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Connections;

/// <summary>
/// A send can reach a connection actor after it reported down: its supervisor forwards sends until it
/// sees the down (for example the buffered sends it drains on up, when the server closes at once). Such
/// a send must come back, never become a dead letter. Found while writing the loopback tests: a
/// keepalive timeout aborts without a close handshake, so the actor used to stop at once. Virtual time
/// on the in-memory transport, so the interleaving is exact.
/// </summary>
public sealed class SendsAfterDownTests : TestKit.TestKit
{
    private static readonly ConnectionSettings Settings = new()
    {
        Id = "feed",
        Url = new Uri("ws://127.0.0.1:9/feed"),
        Keepalive = null,
        Backoff = new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 2.0, 0.0, JitterMode.RandomFactor, TimeSpan.FromSeconds(30), null),
    };

    private readonly InMemoryTransport _transport = new();
    private readonly HeartbeatMetrics _metrics = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _metrics.Dispose();
        }
    }

    [Fact]
    public void ASendArrivingAfterTheDown_ComesBack_AndTheActorStopsOnlyOnceItsSupervisorSawTheDown()
    {
        var parent = CreateTestProbe("parent");
        var wrapper = Sys.ActorOf(Props.Create(() => new ParentOf(ConnectionActor.Props(Settings, _transport, new FixedRandom(0.0), CreateTestProbe("registry"), _metrics), parent)), "wrapper");
        parent.ExpectMsg<ConnectionUp>();

        // The runtime's keepalive abort: no close handshake, so the socket is closed at once.
        _transport.LastPeer!.Fail(new WebSocketException(WebSocketError.Faulted, "The WebSocket didn't receive a Pong frame in response to a Ping frame within the configured KeepAliveTimeout."));
        Assert.Equal(DisconnectReason.KeepaliveTimeout, parent.ExpectMsg<ConnectionDown>().Reason);

        wrapper.Tell(new ParentOf.ToChild(new SendOnConnection(OutboundMessage.OfText("late"))));
        Assert.Equal("late", parent.ExpectMsg<SendReturned>().Message.Text);
        parent.ExpectNoMsg();

        wrapper.Tell(new ParentOf.ToChild(DownSeen.Instance));
        parent.ExpectMsg<Terminated>();
    }

    [Fact]
    public void ASendReturnedByAFormerAttempt_WaitsInTheBuffer_AndGoesOutOnTheNextConnection()
    {
        var registry = CreateTestProbe("registry");
        var supervisor = Sys.ActorOf(ConnectionSupervisor.Props(Settings, _transport, registry, _metrics, null, new FixedRandom(0.0)), "supervisor");
        WaitForIdle();
        var first = _transport.LastPeer!;
        first.Close();
        WaitForIdle();

        supervisor.Tell(new SendReturned(OutboundMessage.OfText("late")), TestActor);
        supervisor.Tell(new ConnectionSupervisor.SendCommand(OutboundMessage.OfText("later")), TestActor);
        Advance(Settings.Backoff.Min);

        var second = _transport.LastPeer!;
        Assert.NotSame(first, second);
        Assert.Equal(["late", "later"], second.Received);
        Assert.DoesNotContain("late", first.Received);
    }

    /// <summary>Stands in for the supervisor: what the child tells its parent goes to a probe; the test speaks to the child through it.</summary>
    private sealed class ParentOf : ReceiveActor
    {
        public ParentOf(Props child, IActorRef probe)
        {
            var connection = Context.Watch(Context.ActorOf(child, "connection"));
            Receive<ToChild>(m => connection.Tell(m.Message, Self));
            ReceiveAny(m => probe.Tell(m, Self));
        }

        public sealed record ToChild(object Message);
    }
}
