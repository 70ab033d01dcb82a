using System.Net.WebSockets;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Tests.Support;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Connections;

public sealed class ConnectionLifecycleTests : ConnectionHarness
{
    [Fact]
    public void MissedPong_AfterDeadline_GoesDownWithHeartbeatTimeout_ThenBackoffGrowsAndCaps()
    {
        StartManager(Settings());
        Assert.Equal(ConnectionEventKind.Connecting, NextEvent().Kind);
        Assert.Equal(ConnectionEventKind.Up, NextEvent().Kind);

        foreach (var expectedDelay in new[] { 1, 2, 4, 8, 8 })
        {
            Advance(S(9.999));
            Events.ExpectNoMsg();
            Advance(S(0.001));
            var down = NextEvent();
            Assert.Equal((ConnectionEventKind.Down, DisconnectReason.HeartbeatTimeout), (down.Kind, down.Reason));
            var backoff = NextEvent();
            Assert.Equal(ConnectionEventKind.Backoff, backoff.Kind);
            Assert.Equal(S(expectedDelay), backoff.Delay);

            Advance(S(expectedDelay));
            Assert.Equal(ConnectionEventKind.Connecting, NextEvent().Kind);
            Assert.Equal(ConnectionEventKind.Up, NextEvent().Kind);
        }

        Assert.Equal(6, Transport.ConnectAttempts);
        Assert.All(Transport.Peers.SkipLast(1), p => Assert.True(p.IsClosedByClient));
    }

    [Fact]
    public void TimeoutEqualToInterval_FrozenPeer_GoesDownAtTheDeadlineOfItsFirstUnansweredPing()
    {
        // Pings at 0, 10, 20, 30 are answered; the one at 40 is not. No deadline timer runs while the
        // pings are answered: the tick at 50 finds ping 40 unanswered and its deadline due.
        Transport.AutoReply = Pong;
        StartManager(Settings(interval: S(10), timeout: S(10)));
        ExpectEvent(ConnectionEventKind.Up);
        Advance(S(35));
        Transport.LastPeer!.Freeze();

        Advance(S(14.999));
        Events.ExpectNoMsg();
        Advance(S(0.001));

        Assert.Equal(DisconnectReason.HeartbeatTimeout, ExpectEvent(ConnectionEventKind.Down).Reason);
        Assert.Equal(4, Liveness().RoundTrip!.Count);
    }

    [Fact]
    public void FirstPing_ComesOnTheTickGridAfterItsRandomPhase_ThenEveryInterval()
    {
        // Up at 12.3 ms, phase 0.25 of 1 s: asked for 262.3 ms, on the 100 ms grid at 300 ms.
        Transport.AutoReply = Pong;
        RandomSample = 0.25;
        Advance(TimeSpan.FromMilliseconds(12.3));
        StartManager(Settings(interval: S(1), timeout: S(1)));
        ExpectEvent(ConnectionEventKind.Up);
        int Pings() => Transport.LastPeer!.Received.Count(m => m.Contains("\"ping\"", StringComparison.Ordinal));

        Advance(TimeSpan.FromMilliseconds(287.699));
        Assert.Equal(0, Pings());
        Advance(TimeSpan.FromMilliseconds(0.001));
        Assert.Equal(1, Pings());
        Advance(TimeSpan.FromMilliseconds(999.999));
        Assert.Equal(1, Pings());
        Advance(TimeSpan.FromMilliseconds(0.001));
        Assert.Equal(2, Pings());
    }

    [Fact]
    public void AnsweredPings_KeepTheConnectionUp_AndFeedRoundTripStatistics()
    {
        Transport.AutoReply = Pong;
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Up);

        Advance(TimeSpan.FromMinutes(10));

        Events.ExpectNoMsg();
        var liveness = Liveness();
        Assert.Equal(ConnectionState.Up, liveness.State);
        Assert.Equal(31, liveness.RoundTrip!.Count);
        Assert.Equal(31, Transport.LastPeer!.Received.Count(m => m.Contains("\"ping\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void LatePong_ForAnOlderPing_IsNotTakenForTheCurrentOne()
    {
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Up);
        var peer = Transport.LastPeer!;
        peer.SendText("{\"op\":\"pong\",\"seq\":1}");
        Advance(S(20));

        // Ping 2 is outstanding; a repeated answer to ping 1 must not save it.
        peer.SendText("{\"op\":\"pong\",\"seq\":1}");
        Advance(S(10));

        Assert.Equal(DisconnectReason.HeartbeatTimeout, ExpectEvent(ConnectionEventKind.Down).Reason);
    }

    [Fact]
    public void PongHeldUndelivered_AtTheDeadline_IsWaitedFor_NotTakenForSilence()
    {
        // Ping 2 goes out at 20 s; its answer arrives but sits undelivered (a starved client) past the deadline at 30 s.
        var peer = UpWithDeliveriesHeldFrom(S(19));
        Advance(S(10.5));
        Events.ExpectNoMsg();
        Assert.True(peer.HasUndelivered);

        peer.ReleaseDeliveries();
        Advance(S(60));

        Events.ExpectNoMsg();
        Assert.Equal(ConnectionState.Up, Liveness().State);
        Assert.Equal(5, Liveness().RoundTrip!.Count);
    }

    [Fact]
    public void BytesWaitingUndelivered_DelayTheVerdict_AtMostToTwiceTheTimeout()
    {
        UpWithDeliveriesHeldFrom(S(19));
        Advance(S(1));

        // Deadline at 30 s, extended while the answer waits, never beyond 20 s + 2 × 10 s.
        Advance(S(19.999));
        Events.ExpectNoMsg();
        Advance(S(0.001));
        Assert.Equal(DisconnectReason.HeartbeatTimeout, ExpectEvent(ConnectionEventKind.Down).Reason);
    }

    /// <summary>An answering peer, up; after <paramref name="after"/> its answers stay undelivered.</summary>
    private InMemoryPeer UpWithDeliveriesHeldFrom(TimeSpan after)
    {
        Transport.AutoReply = Pong;
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Up);
        var peer = Transport.LastPeer!;
        Advance(after);
        peer.HoldDeliveries();
        return peer;
    }

    [Fact]
    public void FailureCount_ResetsOnlyAfterTheConnectionStayedUpForResetAfter()
    {
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Up);
        Advance(S(10));
        Assert.Equal(S(1), ExpectEvent(ConnectionEventKind.Backoff).Delay);
        Advance(S(1));
        ExpectEvent(ConnectionEventKind.Up);
        Advance(S(10));
        Assert.Equal(S(2), ExpectEvent(ConnectionEventKind.Backoff).Delay);

        // This time the peer answers for 40 s, then freezes.
        Transport.AutoReply = Pong;
        Advance(S(2));
        ExpectEvent(ConnectionEventKind.Up);
        Advance(S(40));
        Transport.LastPeer!.Freeze();
        Advance(S(30));

        Assert.Equal(DisconnectReason.HeartbeatTimeout, ExpectEvent(ConnectionEventKind.Down).Reason);
        Assert.Equal(S(1), ExpectEvent(ConnectionEventKind.Backoff).Delay);
    }

    [Fact]
    public void IdleTimeout_NothingArrivingForThePeriod_GoesDownWithIdleTimeout()
    {
        StartManager(Settings(heartbeat: false, idle: S(30)));
        ExpectEvent(ConnectionEventKind.Up);

        Advance(S(20));
        Transport.LastPeer!.SendText("tick");
        Advance(S(29));
        Events.FishForMessage<InboundReceived>(m => m.Message.Text == "tick");
        Events.ExpectNoMsg();
        Advance(S(1));

        Assert.Equal(DisconnectReason.IdleTimeout, ExpectEvent(ConnectionEventKind.Down).Reason);
    }

    [Fact]
    public void PeerPings_AreAnsweredFromTheTemplate_AndNotDeliveredAsData()
    {
        var respond = new PingResponder(MessageMatcher.JsonFieldEquals("op", "ping"), MessageTemplate.Parse("{\"op\":\"pong\",\"seq\":{ping.seq}}"));
        StartManager(Settings(heartbeat: false, respond: respond));
        ExpectEvent(ConnectionEventKind.Up);
        var peer = Transport.LastPeer!;

        peer.SendText("{\"op\":\"ping\",\"seq\":41}");
        peer.SendText("{\"op\":\"data\"}");
        WaitForIdle();

        Assert.Equal(["{\"op\":\"pong\",\"seq\":41}"], peer.Received);
        Assert.Equal("{\"op\":\"data\"}", Events.FishForMessage<InboundReceived>(_ => true).Message.Text);
    }

    [Fact]
    public void OnConnectMessages_GoFirstAfterEveryReconnect_ThenBufferedSends()
    {
        Transport.Refuse();
        StartManager(Settings(heartbeat: false, onConnect: ["subscribe:a", "subscribe:b"]));
        Assert.Equal(DisconnectReason.ConnectFailed, ExpectEvent(ConnectionEventKind.Down).Reason);
        Manager.Tell(new ConnectionManager.Send("feed", OutboundMessage.OfText("order-1")));
        Manager.Tell(new ConnectionManager.Send("feed", OutboundMessage.OfText("order-2")));
        Transport.Accept();

        Advance(S(1));
        ExpectEvent(ConnectionEventKind.Up);
        Assert.Equal(["subscribe:a", "subscribe:b", "order-1", "order-2"], Transport.LastPeer!.Received);

        // Second failure in a row (not up for reset-after yet): 2 s.
        Transport.LastPeer.Drop();
        Advance(S(2));
        ExpectEvent(ConnectionEventKind.Up);
        Assert.Equal(["subscribe:a", "subscribe:b"], Transport.LastPeer.Received);
    }

    [Fact]
    public void FullBuffer_WithReject_AnswersTheSenderWithSendRejected()
    {
        Transport.Refuse();
        StartManager(Settings(heartbeat: false, bufferCapacity: 2));
        ExpectEvent(ConnectionEventKind.Down);

        foreach (var text in new[] { "1", "2", "3" })
        {
            Manager.Tell(new ConnectionManager.Send("feed", OutboundMessage.OfText(text)), TestActor);
        }

        var rejected = ExpectMsg<SendRejected>();
        Assert.Equal("3", rejected.Message.Text);
        Assert.Contains("send buffer is full", rejected.Reason);
        Transport.Accept();
        Advance(S(1));
        ExpectEvent(ConnectionEventKind.Up);
        Assert.Equal(["1", "2"], Transport.LastPeer!.Received);
    }

    [Fact]
    public void FullBuffer_WithDropOldest_DropsTheOldestAndCountsIt()
    {
        // An id no other test uses: the recorder hears every manager in the process.
        const string Id = "dropping-feed";
        using var meter = new MeterRecorder();
        Transport.Refuse();
        StartManager(Settings(Id, heartbeat: false, bufferCapacity: 2, overflow: OverflowPolicy.DropOldest));
        ExpectEvent(ConnectionEventKind.Down, Id);

        foreach (var text in new[] { "1", "2", "3" })
        {
            Manager.Tell(new ConnectionManager.Send(Id, OutboundMessage.OfText(text)), TestActor);
        }

        Transport.Accept();
        Advance(S(1));
        ExpectEvent(ConnectionEventKind.Up, Id);
        Assert.Equal(["2", "3"], Transport.LastPeer!.Received);
        ExpectNoMsg();
        Assert.Equal(1, meter.Sum("actorheartbeat.sends.dropped", Id));
    }

    [Fact]
    public void RemoveWhileBackingOff_StopsForGood()
    {
        Transport.Refuse();
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Backoff);

        Manager.Tell(new ConnectionManager.Remove("feed"), TestActor);

        ExpectMsg(new ConnectionManager.Removed("feed"));
        Assert.Equal(DisconnectReason.Removed, ExpectEvent(ConnectionEventKind.Removed).Reason);
        var attempts = Transport.ConnectAttempts;
        Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(attempts, Transport.ConnectAttempts);
        Manager.Tell(ConnectionManager.ListConnections.Instance, TestActor);
        Assert.Empty(ExpectMsg<ConnectionManager.ConnectionList>().Connections);
    }

    [Fact]
    public void MaxRetries_FailedToo_ReportsGaveUpAndStops()
    {
        Transport.Refuse();
        StartManager(Settings(maxRetries: 2));

        var kinds = new List<ConnectionEventKind>();
        for (var i = 0; i < 9; i++)
        {
            kinds.Add(NextEvent().Kind);
            if (kinds[^1] == ConnectionEventKind.Backoff)
            {
                Advance(S(10));
            }
        }

        Assert.Equal(
            [
                ConnectionEventKind.Connecting, ConnectionEventKind.Down, ConnectionEventKind.Backoff,
                ConnectionEventKind.Connecting, ConnectionEventKind.Down, ConnectionEventKind.Backoff,
                ConnectionEventKind.Connecting, ConnectionEventKind.Down, ConnectionEventKind.GaveUp,
            ],
            kinds);
        Assert.Equal(ConnectionState.GaveUp, Liveness().State);
        Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, Transport.ConnectAttempts);
    }

    [Fact]
    public void HandshakeThatNeverCompletes_GoesDownWithConnectTimeout()
    {
        Transport.Hang();
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Connecting);

        Advance(S(4.999));
        Events.ExpectNoMsg();
        Advance(S(0.001));

        Assert.Equal(DisconnectReason.ConnectTimeout, ExpectEvent(ConnectionEventKind.Down).Reason);
    }

    [Fact]
    public void PeerClose_GoesDownWithClosedByPeer_AndTheClientCompletesTheHandshake()
    {
        StartManager(Settings(heartbeat: false));
        ExpectEvent(ConnectionEventKind.Up);
        var peer = Transport.LastPeer!;

        peer.Close(WebSocketCloseStatus.EndpointUnavailable, "maintenance");

        var down = ExpectEvent(ConnectionEventKind.Down);
        Assert.Equal(DisconnectReason.ClosedByPeer, down.Reason);
        Assert.Contains("1001 maintenance", down.Detail);
        Assert.True(peer.IsClosedByClient);
    }

    [Fact]
    public void OversizeMessage_GoesDownWithMessageTooBig_AndClosesWith1009()
    {
        StartManager(Settings(heartbeat: false));
        ExpectEvent(ConnectionEventKind.Up);
        var peer = Transport.LastPeer!;

        peer.SendOversize();

        Assert.Equal(DisconnectReason.MessageTooBig, ExpectEvent(ConnectionEventKind.Down).Reason);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, peer.ClientCloseStatus);
    }

    [Fact]
    public void DroppedTcp_GoesDownWithClosedByPeer()
    {
        StartManager(Settings(heartbeat: false));
        ExpectEvent(ConnectionEventKind.Up);

        Transport.LastPeer!.Drop();

        Assert.Equal(DisconnectReason.ClosedByPeer, ExpectEvent(ConnectionEventKind.Down).Reason);
    }

    [Fact]
    public void ManyConnectionsDroppedAtOnce_ReconnectNoFasterThanTheGlobalCap()
    {
        var ids = Enumerable.Range(0, 6).Select(i => $"c{i}").ToArray();
        StartManager(2, [.. ids.Select(id => Settings(id, heartbeat: false))]);
        Assert.Equal(ids, ExpectEvents(ConnectionEventKind.Up, ids.Length).Select(e => e.Connection).Order());

        foreach (var peer in Transport.Peers)
        {
            peer.Drop();
        }

        // All back off 1 s; the cap then lets 2 in at once (burst) and one more every 0.5 s.
        Advance(S(1));
        Assert.Equal(8, Transport.ConnectAttempts);
        Advance(S(0.5));
        Assert.Equal(9, Transport.ConnectAttempts);
        Advance(S(1.5));
        Assert.Equal(12, Transport.ConnectAttempts);
    }

    [Fact]
    public void Shutdown_ClosesEveryConnectionWithReasonShutdown_ThenAnswers()
    {
        StartManager(Settings("a", heartbeat: false), Settings("b", heartbeat: false));
        Assert.Equal(["a", "b"], ExpectEvents(ConnectionEventKind.Up, 2).Select(e => e.Connection).Order());

        Manager.Tell(ConnectionManager.Shutdown.Instance, TestActor);

        ExpectMsg<ConnectionManager.ShutdownCompleted>();
        Assert.All(Transport.Peers, p => Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, p.ClientCloseStatus));
        Assert.All(ExpectEvents(ConnectionEventKind.Down, 2), d => Assert.Equal(DisconnectReason.Shutdown, d.Reason));
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, Transport.ConnectAttempts);
    }
}
