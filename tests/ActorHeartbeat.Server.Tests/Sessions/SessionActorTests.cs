using System.Net.WebSockets;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Server.Tests.Support;

namespace ActorHeartbeat.Server.Tests.Sessions;

/// <summary>The session actor's timing rules and failure reasons, in virtual time on in-memory connections.</summary>
public sealed class SessionActorTests : SessionHarness
{
    [Fact]
    public void UnansweredServerPing_EndsTheSessionWithHeartbeatTimeout_ExactlyAtTheDeadline()
    {
        StartServer(Settings());
        var (client, completion) = Open("a");

        Advance(S(10));
        Assert.Equal(["""{"op":"ping","seq":1}"""], client.Received);
        Advance(S(9.999));
        Events.ExpectNoMsg();
        Advance(S(0.001));

        var down = ExpectDown("a");
        Assert.Equal(DisconnectReason.HeartbeatTimeout, down.Reason);
        Assert.Equal("no answer to ping 1 within 10000 ms", down.Detail);
        ExpectGone("a", completion);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.ClientCloseStatus);
        Assert.Equal(DisconnectReason.HeartbeatTimeout, Assert.Single(Sessions().RecentDisconnects).Reason);
    }

    [Fact]
    public void PongsInTime_KeepTheSessionUp_AndFeedItsRoundTripStatistics()
    {
        StartServer(Settings());
        var (client, _) = Open("a");
        client.SetAutoReply(Pong);

        Advance(TimeSpan.FromMinutes(10));

        Events.ExpectNoMsg();
        var session = Assert.Single(Sessions().Sessions);
        Assert.Equal(SessionState.Up, session.State);
        Assert.Equal(30, session.RoundTrip!.Count);
        Assert.NotNull(session.LastPong);
        Assert.Equal(30, client.Received.Count);
    }

    [Fact]
    public void LatePong_ForAnOlderPing_DoesNotSaveTheCurrentOne()
    {
        StartServer(Settings());
        var (client, _) = Open("a");
        Advance(S(10));
        client.SendText("""{"op":"pong","seq":1}""");
        Advance(S(20));

        client.SendText("""{"op":"pong","seq":1}""");
        Advance(S(10));

        Assert.Equal(DisconnectReason.HeartbeatTimeout, ExpectDown("a").Reason);
    }

    [Fact]
    public void ClientPing_IsAnsweredFromTheReplyTemplate_AndNotPassedOnAsAnApplicationMessage()
    {
        StartServer(Settings(heartbeat: false));
        var (client, _) = Open("a");

        client.SendText("""{"op":"ping","seq":42}""");
        client.SendText("""{"op":"ping"}""");
        WaitForIdle();

        Assert.Equal(["""{"op":"pong","seq":42}""", """{"op":"pong","seq":null}"""], client.Received);
        Events.ExpectNoMsg();
    }

    [Fact]
    public void ApplicationMessages_GoToSubscribers_WithTheSessionId()
    {
        StartServer(Settings(heartbeat: false));
        var (client, _) = Open("a");

        client.SendText("hello");
        client.SendBinary([1, 2, 3]);

        var text = Events.ExpectMsg<ServerSupervisor.SessionMessage>();
        Assert.Equal(("a", "hello"), (text.SessionId, text.Message.Text));
        Assert.Equal([1, 2, 3], Events.ExpectMsg<ServerSupervisor.SessionMessage>().Message.Binary);
    }

    [Fact]
    public void IdleTimeout_EndsASilentSession_AndAnyMessageRestartsTheCount()
    {
        StartServer(Settings(heartbeat: false, idle: S(30)));
        var (client, completion) = Open("a");

        Advance(S(25));
        client.SendText("still here");
        Advance(S(29.999));
        Events.FishForMessage<ServerSupervisor.SessionMessage>(_ => true);
        Events.ExpectNoMsg();
        Advance(S(0.001));

        var down = ExpectDown("a");
        Assert.Equal(DisconnectReason.IdleTimeout, down.Reason);
        ExpectGone("a", completion);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.ClientCloseStatus);
    }

    [Fact]
    public void FullSendQueue_DisconnectsTheSlowClientAsSlowConsumer_WhileTheOtherGetsEveryMessage()
    {
        StartServer(Settings(heartbeat: false, sendQueue: 3));
        StallingConnection? stalled = null;
        var (slow, slowDone) = Open("slow", wrap: c => stalled = new StallingConnection(c));
        var (fast, _) = Open("fast");

        for (var i = 1; i <= 5; i++)
        {
            Supervisor.Tell(new ServerSupervisor.Broadcast(Connections.OutboundMessage.OfText($"m{i}")), TestActor);
            Assert.Equal(2, ExpectMsg<ServerSupervisor.BroadcastQueued>().Sessions);
        }

        // One write in flight, three queued, the fifth does not fit.
        var down = ExpectDown("slow");
        Assert.Equal(DisconnectReason.SlowConsumer, down.Reason);
        WaitForIdle();
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], fast.Received);
        Assert.Equal(1, stalled!.SendsStarted);
        var snapshot = Sessions();
        Assert.Equal(4, snapshot.DroppedMessages);
        Assert.Equal(4, snapshot.RecentDisconnects.Single().DroppedMessages);
        Assert.Equal(SessionState.Closing, snapshot.Sessions.Single(s => s.Id == "slow").State);

        // Its close handshake is stuck behind the pending write: aborted after close-timeout.
        Advance(S(1.999));
        Assert.False(slowDone.IsCompleted);
        Advance(S(0.001));
        ExpectGone("slow", slowDone);
        Assert.True(stalled.Aborted);
        Assert.True(slow.WasAborted);
    }

    [Fact]
    public void OversizeMessage_EndsTheSessionWithMessageTooBig_AndCloseCode1009()
    {
        StartServer(Settings(heartbeat: false));
        var (client, completion) = Open("a");

        client.SendOversize();

        Assert.Equal(DisconnectReason.MessageTooBig, ExpectDown("a").Reason);
        ExpectGone("a", completion);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.ClientCloseStatus);
    }

    [Fact]
    public void ClientClose_IsClosedByPeer_AndAnsweredWithNormalClosure()
    {
        StartServer(Settings(heartbeat: false));
        var (client, completion) = Open("a");

        client.Close(WebSocketCloseStatus.NormalClosure, "bye");

        var down = ExpectDown("a");
        Assert.Equal((DisconnectReason.ClosedByPeer, "the client closed with 1000 bye"), (down.Reason!.Value, down.Detail));
        ExpectGone("a", completion);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.ClientCloseStatus);
    }

    [Fact]
    public void DroppedTcp_IsClosedByPeer_AndTheSocketIsAbortedWithoutAHandshake()
    {
        StartServer(Settings(heartbeat: false));
        var (client, completion) = Open("a");

        client.Drop();

        Assert.Equal(DisconnectReason.ClosedByPeer, ExpectDown("a").Reason);
        ExpectGone("a", completion);
    }

    [Fact]
    public void DownEvent_CarriesTheLastRoundTrip()
    {
        StartServer(Settings());
        var (client, _) = Open("a");
        Advance(S(10));
        Advance(S(0.25));
        client.SendText("""{"op":"pong","seq":1}""");
        Advance(S(29.75));

        var down = ExpectDown("a");
        Assert.Equal(DisconnectReason.HeartbeatTimeout, down.Reason);
        Assert.Equal(S(0.25), down.RoundTrip);
        Assert.Contains("\"rttMs\":250", EventLines.Format(down), StringComparison.Ordinal);
    }
}
