using System.Net.WebSockets;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Server.Tests.Support;

namespace ActorHeartbeat.Server.Tests;

/// <summary>The registry of sessions, broadcast, sends, disconnects and shutdown, in virtual time.</summary>
public sealed class ServerSupervisorTests : SessionHarness
{
    [Fact]
    public void GetSessions_ListsLiveSessions_InAcceptOrder_WithPathQueryRemoteAndSince()
    {
        StartServer(Settings(heartbeat: false));
        Open("b", "?room=1");
        Advance(S(5));
        Open("a", "?room=2");

        var snapshot = Sessions();

        Assert.Equal(["b", "a"], snapshot.Sessions.Select(s => s.Id));
        var first = snapshot.Sessions[0].Info;
        Assert.Equal(("/ws?room=1", "127.0.0.1:50000"), (first.PathAndQuery, first.RemoteAddress));
        Assert.Equal(S(5), snapshot.Sessions[1].Info.Since - first.Since);
        Assert.Equal(2, snapshot.Accepted);
        Assert.All(snapshot.Sessions, s => Assert.Equal((SessionState.Up, null), (s.State, s.Reason)));
    }

    [Fact]
    public void GetSessions_WithAFilter_ListsOnlyTheMatchingSessions()
    {
        StartServer(Settings(heartbeat: false));
        Open("a", "?room=1");
        Open("b", "?room=2");

        Supervisor.Tell(new ServerSupervisor.GetSessions(i => i.Query == "?room=2"), TestActor);

        Assert.Equal("b", Assert.Single(ExpectMsg<SessionsSnapshot>().Sessions).Id);
    }

    [Fact]
    public void UpEvent_IsPublishedOnTheEventStream_AsAnEventLine()
    {
        var stream = CreateTestProbe("stream");
        Sys.EventStream.Subscribe(stream, typeof(ConnectionEvent));
        StartServer(Settings(heartbeat: false));
        Open("a", "?x=1");

        var up = stream.ExpectMsg<ConnectionEvent>();
        Assert.Equal((ConnectionEventKind.Up, "a"), (up.Kind, up.Connection));
        Assert.Matches("""^\{"ts":"[0-9T:.-]+Z","connection":"a","event":"up","detail":"from 127.0.0.1:50000 /ws\?x=1"\}$""", EventLines.Format(up));
    }

    [Fact]
    public void Broadcast_WithAFilter_ReachesOnlyTheMatchingSessions()
    {
        StartServer(Settings(heartbeat: false));
        var (one, _) = Open("a", "?room=1");
        var (two, _) = Open("b", "?room=2");
        var (three, _) = Open("c", "?room=1");

        Supervisor.Tell(new ServerSupervisor.Broadcast(OutboundMessage.OfText("news"), i => i.Query == "?room=1"), TestActor);

        Assert.Equal(2, ExpectMsg<ServerSupervisor.BroadcastQueued>().Sessions);
        WaitForIdle();
        Assert.Equal(["news"], one.Received);
        Assert.Empty(two.Received);
        Assert.Equal(["news"], three.Received);
    }

    [Fact]
    public void SendTo_OneSession_WritesOnlyThere()
    {
        StartServer(Settings(heartbeat: false));
        var (one, _) = Open("a");
        var (two, _) = Open("b");

        Supervisor.Tell(new ServerSupervisor.SendTo("b", OutboundMessage.OfText("for b")), TestActor);
        WaitForIdle();

        Assert.Empty(one.Received);
        Assert.Equal(["for b"], two.Received);
        ExpectNoMsg();
    }

    [Fact]
    public void SendTo_AnUnknownSession_IsRejected_AndCountedAsDropped()
    {
        StartServer(Settings(heartbeat: false));

        var message = OutboundMessage.OfText("lost?");
        Supervisor.Tell(new ServerSupervisor.SendTo("nobody", message), TestActor);

        var rejected = ExpectMsg<SendRejected>();
        Assert.Equal(("nobody", message, "no such session"), (rejected.Connection, rejected.Message, rejected.Reason));
        Assert.Equal(1, Sessions().DroppedMessages);
    }

    [Fact]
    public void SendTo_AClosingSession_IsRejected_WithItsReason()
    {
        StartServer(Settings(heartbeat: false, sendQueue: 1));
        Open("slow", wrap: c => new StallingConnection(c));
        Supervisor.Tell(new ServerSupervisor.SendTo("slow", OutboundMessage.OfText("1")), TestActor);
        Supervisor.Tell(new ServerSupervisor.SendTo("slow", OutboundMessage.OfText("2")), TestActor);
        Supervisor.Tell(new ServerSupervisor.SendTo("slow", OutboundMessage.OfText("3")), TestActor);
        Assert.Equal(DisconnectReason.SlowConsumer, ExpectDown("slow").Reason);

        Supervisor.Tell(new ServerSupervisor.SendTo("slow", OutboundMessage.OfText("4")), TestActor);

        Assert.Equal("the session is closing (slow-consumer)", ExpectMsg<SendRejected>().Reason);
        Assert.Equal(3, Sessions().DroppedMessages);
    }

    [Fact]
    public void Disconnect_ByTheServer_ReportsTheReason_ClosesWith1000_AndCleansUp()
    {
        StartServer(Settings(heartbeat: false));
        var (client, completion) = Open("a");
        Open("b");

        Supervisor.Tell(new ServerSupervisor.Disconnect("a"), TestActor);

        Assert.Equal(new ServerSupervisor.DisconnectResult("a", true, null), ExpectMsg<ServerSupervisor.DisconnectResult>());
        var down = ExpectDown("a");
        Assert.Equal((DisconnectReason.DisconnectedByServer, "disconnected by the server"), (down.Reason!.Value, down.Detail));
        Assert.Contains("\"reason\":\"disconnected-by-server\"", EventLines.Format(down), StringComparison.Ordinal);
        ExpectGone("a", completion);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.ClientCloseStatus);
        var snapshot = Sessions();
        Assert.Equal("b", Assert.Single(snapshot.Sessions).Id);
        Assert.Equal(1, snapshot.DisconnectsByReason[DisconnectReason.DisconnectedByServer]);
    }

    [Fact]
    public void Disconnect_WithAReasonAndDetail_IsReportedAsGiven()
    {
        StartServer(Settings(heartbeat: false));
        Open("a");

        Supervisor.Tell(new ServerSupervisor.Disconnect("a", DisconnectReason.ProtocolError, "bad subscription"), TestActor);

        ExpectMsg<ServerSupervisor.DisconnectResult>();
        var down = ExpectDown("a");
        Assert.Equal((DisconnectReason.ProtocolError, "bad subscription"), (down.Reason!.Value, down.Detail));
    }

    [Fact]
    public void Disconnect_AnUnknownSession_IsNotAccepted()
    {
        StartServer(Settings(heartbeat: false));

        Supervisor.Tell(new ServerSupervisor.Disconnect("nobody"), TestActor);

        Assert.Equal(new ServerSupervisor.DisconnectResult("nobody", false, "no such session"), ExpectMsg<ServerSupervisor.DisconnectResult>());
    }

    [Fact]
    public void Shutdown_ClosesEverySessionWith1001_ThenAnswersShutdownCompleted()
    {
        StartServer(Settings());
        var (one, doneOne) = Open("a");
        var (two, doneTwo) = Open("b");

        Supervisor.Tell(ServerSupervisor.Shutdown.Instance, TestActor);

        ExpectMsg<ServerSupervisor.ShutdownCompleted>();
        Assert.True(doneOne.IsCompleted && doneTwo.IsCompleted);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, one.ClientCloseStatus);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, two.ClientCloseStatus);
        var snapshot = Sessions();
        Assert.Empty(snapshot.Sessions);
        Assert.Equal(2, snapshot.DisconnectsByReason[DisconnectReason.Shutdown]);
    }

    [Fact]
    public void Shutdown_WithAStuckClient_AbortsItAfterCloseTimeout()
    {
        StartServer(Settings(heartbeat: false));
        StallingConnection? stalled = null;
        Open("a", wrap: c => stalled = new StallingConnection(c));

        Supervisor.Tell(ServerSupervisor.Shutdown.Instance, TestActor);
        Assert.Equal(DisconnectReason.Shutdown, ExpectDown("a").Reason);
        ExpectNoMsg();
        Advance(S(2));

        ExpectMsg<ServerSupervisor.ShutdownCompleted>();
        Assert.True(stalled!.Aborted);
    }

    [Fact]
    public void SessionOpenedDuringShutdown_IsClosedAtOnce()
    {
        StartServer(Settings(heartbeat: false));
        Supervisor.Tell(ServerSupervisor.Shutdown.Instance, TestActor);
        ExpectMsg<ServerSupervisor.ShutdownCompleted>();

        var (client, completion) = Open("late");

        Assert.Equal(DisconnectReason.Shutdown, ExpectDown("late").Reason);
        ExpectGone("late", completion);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, client.ClientCloseStatus);
    }

    [Fact]
    public void DuplicateSessionId_IsRefused_AndItsSocketClosed()
    {
        StartServer(Settings(heartbeat: false));
        Open("a");

        var (connection, client) = NewConnection();
        var completion = new TaskCompletionSource();
        Supervisor.Tell(new ServerSupervisor.OpenSession(new SessionInfo("a", null, "/ws", string.Empty, null, null, Time.GetUtcNow()), connection, completion));
        WaitForIdle();

        Assert.True(completion.Task.IsCompleted);
        Assert.True(client.WasAborted);
        Assert.Single(Sessions().Sessions);
    }

    [Fact]
    public void RecentDisconnects_KeepTheLatest_UpToTheCapacity()
    {
        StartServer(Settings(heartbeat: false));
        var total = ServerSupervisor.RecentDisconnectCapacity + 4;
        for (var i = 0; i < total; i++)
        {
            var (client, _) = Open($"s{i}");
            client.Close();
            ExpectDown($"s{i}");
        }

        var snapshot = Sessions();
        Assert.Equal(ServerSupervisor.RecentDisconnectCapacity, snapshot.RecentDisconnects.Count);
        Assert.Equal("s4", snapshot.RecentDisconnects[0].Info.Id);
        Assert.Equal(total, snapshot.DisconnectsByReason[DisconnectReason.ClosedByPeer]);
        Assert.Equal(total, snapshot.Accepted);
    }

    [Fact]
    public void UnsubscribedProbe_GetsNoMoreEvents()
    {
        StartServer(Settings(heartbeat: false));
        Supervisor.Tell(new ServerSupervisor.Unsubscribe(Events));
        WaitForIdle();

        var (connection, client) = NewConnection();
        Supervisor.Tell(new ServerSupervisor.OpenSession(new SessionInfo("a", null, "/ws", string.Empty, null, null, Time.GetUtcNow()), connection, new TaskCompletionSource()));
        client.SendText("unheard");
        WaitForIdle();

        Events.ExpectNoMsg();
        Assert.Single(Sessions().Sessions);
    }

    [Theory]
    [InlineData(DisconnectReason.SlowConsumer, "slow-consumer")]
    [InlineData(DisconnectReason.DisconnectedByServer, "disconnected-by-server")]
    public void ServerReasons_HaveTheirEventLineNames(DisconnectReason reason, string expected) =>
        Assert.Equal(expected, reason.ToKebab());
}
