using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Tests.Connections;
using ActorHeartbeat.Tests.Support;

namespace ActorHeartbeat.Tests.Registry;

public sealed class LivenessRegistryTests : ConnectionHarness
{
    [Fact]
    public void Snapshot_ReportsStateAttemptRestartsReasonAndRoundTrips()
    {
        Transport.AutoReply = Pong;
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Up);
        Advance(S(60));
        Transport.LastPeer!.Drop();
        Advance(S(1));
        ExpectEvent(ConnectionEventKind.Up);

        var liveness = Liveness();

        Assert.Equal(ConnectionState.Up, liveness.State);
        Assert.Equal(2, liveness.Attempt);
        Assert.Equal(1, liveness.Restarts);
        Assert.Equal(DisconnectReason.ClosedByPeer, liveness.LastReason);
        Assert.Equal(5, liveness.RoundTrip!.Count);
        Assert.NotNull(liveness.LastPong);
    }

    [Fact]
    public void RemovedConnection_LeavesTheSnapshot_AndItsClosingDownDoesNotBringItBack()
    {
        Transport.AutoReply = Pong;
        StartManager(Settings("a"), Settings("b"));
        ExpectEvents(ConnectionEventKind.Up, 2);

        Manager.Tell(new ActorHeartbeat.Connections.ConnectionManager.Remove("a"));
        ExpectEvent(ConnectionEventKind.Removed, "a");
        Advance(S(5));

        Manager.Tell(new LivenessRegistry.GetLiveness(), TestActor);
        var snapshot = ExpectMsg<LivenessSnapshot>();
        Assert.Equal(["b"], snapshot.Connections.Select(c => c.Id));
    }

    [Fact]
    public void WhileBackingOff_TheSnapshotSaysWhenTheNextAttemptStarts()
    {
        Transport.Refuse();
        StartManager(Settings());
        var backoff = ExpectEvent(ConnectionEventKind.Backoff);

        var liveness = Liveness();

        Assert.Equal(ConnectionState.BackingOff, liveness.State);
        Assert.Equal(backoff.Timestamp + S(1), liveness.NextAttemptAt);
    }

    [Fact]
    public void DownEvent_CarriesTheLastRoundTrip()
    {
        Transport.AutoReply = Pong;
        StartManager(Settings());
        ExpectEvent(ConnectionEventKind.Up);
        Advance(S(1));
        Transport.LastPeer!.Freeze();
        Advance(S(30));

        var down = ExpectEvent(ConnectionEventKind.Down);
        Assert.Equal(DisconnectReason.HeartbeatTimeout, down.Reason);
        Assert.Equal(TimeSpan.Zero, down.RoundTrip);
    }

    [Fact]
    public void Meter_ExportsPingsPongsMissedDeadlinesReconnectsRoundTripsAndStates()
    {
        using var meter = new MeterRecorder();

        Transport.AutoReply = Pong;
        StartManager(Settings("metered"));
        ExpectEvent(ConnectionEventKind.Up, "metered");
        Advance(S(40));
        Transport.LastPeer!.Freeze();
        Advance(S(30));
        ExpectEvent(ConnectionEventKind.Down, "metered");
        Advance(S(1));
        ExpectEvent(ConnectionEventKind.Up, "metered");
        WaitForIdle();
        meter.RecordObservableInstruments();

        // Pings at 0, 20, 40 (answered), 60 (missed: down at 70), 71 on the new connection (answered).
        Assert.Equal(5, meter.Sum("actorheartbeat.pings.sent", "metered"));
        Assert.Equal(4, meter.Sum("actorheartbeat.pongs.received", "metered"));
        Assert.Equal(1, meter.Sum("actorheartbeat.deadlines.missed", "metered"));
        Assert.Equal(1, meter.Sum("actorheartbeat.reconnects", "metered"));
        Assert.Equal(4, meter.Measurements.Count(m => m.Instrument == "actorheartbeat.rtt" && m.Connection == "metered"));
        Assert.Contains(meter.Measurements, m => m.Instrument == "actorheartbeat.connections" && m.State == "up" && m.Value >= 1);
    }
}
