using ActorHeartbeat.Cli.Demo;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Cli.Tests.Demo;

public sealed class FaultTrackerTests
{
    private static readonly DemoTimings Timings = new();
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Ids = ["keepalive-01", "json-02", "respond-03"];

    private readonly FaultTracker _tracker = new(Ids, Timings);

    private static ConnectionEvent Up(string id, double at) => new(T0.AddSeconds(at), id, ConnectionEventKind.Up, Attempt: 1);

    private static ConnectionEvent Down(string id, double at, DisconnectReason reason) => new(T0.AddSeconds(at), id, ConnectionEventKind.Down, Reason: reason);

    private void AllUp()
    {
        foreach (var id in Ids)
        {
            _tracker.Observe(Up(id, 0));
        }
    }

    [Fact]
    public void FirstDownAfterInjection_DetectsTheFault_WithItsLatencyAndReason()
    {
        AllUp();
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.FrozenPeer);
        _tracker.Injected(fault, T0.AddSeconds(4));

        var heal = _tracker.Observe(Down("json-02", 5.5, DisconnectReason.HeartbeatTimeout));

        Assert.Equal((fault, T0.AddSeconds(5.5)), heal);
        var outcome = Assert.Single(_tracker.Outcomes);
        Assert.Equal(TimeSpan.FromSeconds(1.5), outcome.Latency);
        Assert.Equal(DisconnectReason.HeartbeatTimeout, outcome.Reason);
        Assert.True(outcome.WithinBound);
    }

    [Fact]
    public void RefusedConnects_AreLiftedAfterTheHold()
    {
        AllUp();
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 0, FaultKind.RefusedConnects);
        _tracker.Injected(fault, T0.AddSeconds(4));

        var heal = _tracker.Observe(Down("keepalive-01", 4.01, DisconnectReason.ClosedByPeer));

        Assert.Equal(T0.AddSeconds(4.01) + Timings.RefuseHold, heal!.Value.HealAt);
    }

    [Fact]
    public void LaterDowns_OfTheSameFault_NeitherDetectAgainNorCountAsUnexpected()
    {
        AllUp();
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 0, FaultKind.RefusedConnects);
        _tracker.Injected(fault, T0.AddSeconds(4));
        _tracker.Observe(Down("keepalive-01", 4.01, DisconnectReason.ClosedByPeer));

        Assert.Null(_tracker.Observe(Down("keepalive-01", 4.3, DisconnectReason.ConnectFailed)));
        Assert.Equal(T0.AddSeconds(4.01), _tracker.Outcomes[0].DetectedAt);
        Assert.Equal(0, _tracker.Report(3).UnexpectedDowns);
    }

    [Fact]
    public void FirstUpAfterDetection_RecoversTheFault_AndCountsAReconnect()
    {
        AllUp();
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 2, FaultKind.PeerClose);
        _tracker.Injected(fault, T0.AddSeconds(4));
        _tracker.Observe(Down("respond-03", 4.02, DisconnectReason.ClosedByPeer));
        _tracker.Healed(fault, T0.AddSeconds(4.02));

        _tracker.Observe(Up("respond-03", 4.5));

        var report = _tracker.Report(3);
        Assert.Equal(T0.AddSeconds(4.5), report.Faults[0].RecoveredAt);
        Assert.Equal(1, report.Reconnects);
        Assert.True(report.Succeeded);
    }

    [Fact]
    public void UpBeforeAnyDetection_DoesNotRecoverTheFault()
    {
        AllUp();
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.SlowPongs);
        _tracker.Injected(fault, T0.AddSeconds(4));

        _tracker.Observe(Up("json-02", 4.1));

        Assert.Null(_tracker.Outcomes[0].RecoveredAt);
        Assert.False(_tracker.Report(3).Succeeded);
    }

    [Fact]
    public void DownWithoutAFault_IsAnUnexpectedDown()
    {
        AllUp();
        Assert.Null(_tracker.Observe(Down("json-02", 3, DisconnectReason.HeartbeatTimeout)));
        Assert.Equal(1, _tracker.Report(2).UnexpectedDowns);
    }

    [Theory]
    [InlineData(DisconnectReason.Removed)]
    [InlineData(DisconnectReason.Shutdown)]
    public void DownsWeAskedFor_AreNeitherDetectionsNorUnexpected(DisconnectReason reason)
    {
        AllUp();
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.FrozenPeer);
        _tracker.Injected(fault, T0.AddSeconds(4));

        Assert.Null(_tracker.Observe(Down("json-02", 4.5, reason)));
        Assert.Null(_tracker.Outcomes[0].DetectedAt);
        Assert.Equal(0, _tracker.Report(3).UnexpectedDowns);
    }

    [Fact]
    public void Injected_ReturnsTheGiveUpTime_BoundPlusGrace()
    {
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 2, FaultKind.FrozenPeer);
        Assert.Equal(T0.AddSeconds(4) + Timings.IdleTimeout + Timings.GiveUpAfterBound, _tracker.Injected(fault, T0.AddSeconds(4)));
    }

    [Fact]
    public void Holds_UntilHealed()
    {
        var fault = new PlannedFault(1, TimeSpan.FromSeconds(4), 0, FaultKind.FrozenPeer);
        Assert.False(_tracker.Holds(fault));
        _tracker.Injected(fault, T0.AddSeconds(4));
        Assert.True(_tracker.Holds(fault));
        _tracker.Healed(fault, T0.AddSeconds(5));
        Assert.False(_tracker.Holds(fault));
        Assert.Equal(T0.AddSeconds(5), _tracker.Outcomes[0].HealedAt);
    }

    [Fact]
    public void IsUp_FollowsTheLastEvent()
    {
        Assert.False(_tracker.IsUp("json-02"));
        _tracker.Observe(Up("json-02", 1));
        Assert.True(_tracker.IsUp("json-02"));
        _tracker.Observe(new ConnectionEvent(T0, "json-02", ConnectionEventKind.Backoff, Delay: TimeSpan.FromSeconds(1)));
        Assert.True(_tracker.IsUp("json-02"));
        _tracker.Observe(Down("json-02", 2, DisconnectReason.IdleTimeout));
        Assert.False(_tracker.IsUp("json-02"));
        _tracker.Observe(new ConnectionEvent(T0, "json-02", ConnectionEventKind.Connecting, Attempt: 2));
        Assert.False(_tracker.IsUp("json-02"));
    }

    [Fact]
    public void EventsOfUnknownConnections_AreIgnored()
    {
        Assert.Null(_tracker.Observe(Down("elsewhere", 1, DisconnectReason.HeartbeatTimeout)));
        Assert.Equal(0, _tracker.Report(3).UnexpectedDowns);
    }

    [Fact]
    public void Skipped_IsCounted()
    {
        _tracker.Skipped();
        Assert.Equal(1, _tracker.Report(3).Skipped);
    }
}
