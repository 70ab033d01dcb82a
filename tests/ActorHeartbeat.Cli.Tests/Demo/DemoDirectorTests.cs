using System.Collections.Concurrent;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Cli.Commands;
using ActorHeartbeat.Cli.Demo;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.TestKit;

namespace ActorHeartbeat.Cli.Tests.Demo;

public sealed class DemoDirectorTests : TestKit.TestKit
{
    private static readonly DemoTimings Timings = new();
    private static readonly string[] Ids = ["keepalive-01", "json-02", "respond-03"];

    private readonly RecordingInjector _injector = new();
    private readonly TestProbe _output;

    public DemoDirectorTests()
    {
        _output = CreateTestProbe("output");
        _injector.Clock = Time;
    }

    private IActorRef Start(params PlannedFault[] plan)
    {
        var director = Sys.ActorOf(DemoDirector.Props(plan, new FaultTracker(Ids, Timings), _injector, _output, l => DemoLines.Plain(l, Timings)), "director");
        WaitForIdle();
        return director;
    }

    private ConnectionEvent Event(string id, ConnectionEventKind kind, DisconnectReason? reason = null) =>
        new(Time.GetUtcNow(), id, kind, Reason: reason);

    private void AllUp(IActorRef director)
    {
        foreach (var id in Ids)
        {
            director.Tell(Event(id, ConnectionEventKind.Up));
        }

        WaitForIdle();
    }

    private string ExpectLine(string contains) =>
        _output.FishForMessage<EventSink.Line>(l => l.Text.Contains(contains, StringComparison.Ordinal)).Text;

    [Fact]
    public void Fault_IsInjectedAtItsPlannedTime_AndAnnounced()
    {
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.FrozenPeer));
        AllUp(director);

        Advance(TimeSpan.FromSeconds(3.999));
        Assert.Empty(_injector.Calls);
        Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([("inject", 1)], _injector.Calls.Select(c => (c.Op, c.Id)));
        Assert.Contains("json-02 fault #1 frozen-peer (bound 2.00 s)", ExpectLine("fault #1"));
    }

    [Fact]
    public void EventsAreForwarded_BeforeTheLinesTheyCause()
    {
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.DroppedTcp));
        AllUp(director);
        Advance(TimeSpan.FromSeconds(4));
        director.Tell(Event("json-02", ConnectionEventKind.Down, DisconnectReason.ClosedByPeer));

        _output.FishForMessage<ConnectionEvent>(e => e.Kind == ConnectionEventKind.Down);
        _output.ExpectMsg<EventSink.Line>(l => l.Text.Contains("healed #1", StringComparison.Ordinal));
    }

    [Fact]
    public void Detection_LiftsTheFaultAtOnce()
    {
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.FrozenPeer));
        AllUp(director);
        Advance(TimeSpan.FromSeconds(5));

        director.Tell(Event("json-02", ConnectionEventKind.Down, DisconnectReason.HeartbeatTimeout));
        WaitForIdle();

        Assert.Equal([("inject", 1), ("heal", 1)], _injector.Calls.Select(c => (c.Op, c.Id)));
        Assert.Equal(Time.GetUtcNow(), _injector.Calls[1].At);
    }

    [Fact]
    public void RefusedConnects_AreLiftedOnlyAfterTheHold()
    {
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 0, FaultKind.RefusedConnects));
        AllUp(director);
        Advance(TimeSpan.FromSeconds(4));
        director.Tell(Event("keepalive-01", ConnectionEventKind.Down, DisconnectReason.ClosedByPeer));
        WaitForIdle();

        Advance(Timings.RefuseHold - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(_injector.Calls, c => c.Op == "heal");
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Contains(_injector.Calls, c => c.Op == "heal");
    }

    [Fact]
    public async Task UndetectedFault_IsLiftedAfterItsBoundAndGrace_AndReportedUndetected()
    {
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 2, FaultKind.FrozenPeer));
        AllUp(director);
        Advance(TimeSpan.FromSeconds(4));

        Advance(Timings.IdleTimeout + Timings.GiveUpAfterBound);

        Assert.Contains(_injector.Calls, c => c.Op == "heal");
        var report = await director.Ask<DemoReport>(new DemoDirector.GetReport(3), TimeSpan.FromSeconds(3));
        Assert.Equal(0, report.Detected);
        Assert.False(report.Succeeded);
    }

    [Fact]
    public async Task FaultOnAConnectionThatIsNotUp_IsSkipped()
    {
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.PeerClose));
        director.Tell(Event("keepalive-01", ConnectionEventKind.Up));

        Advance(TimeSpan.FromSeconds(4));

        Assert.Empty(_injector.Calls);
        Assert.Contains("skipped #1 peer-close (the connection was not up)", ExpectLine("skipped"));
        Assert.Equal(1, (await director.Ask<DemoReport>(new DemoDirector.GetReport(3), TimeSpan.FromSeconds(3))).Skipped);
    }

    [Fact]
    public void FaultTheInjectorCannotApply_IsSkippedWithItsReason()
    {
        _injector.Refusal = "no session for json-02";
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.PeerClose));
        AllUp(director);

        Advance(TimeSpan.FromSeconds(4));

        Assert.Contains("(no session for json-02)", ExpectLine("skipped"));
    }

    [Fact]
    public async Task Finish_LiftsEveryHeldFault_StopsTheSchedule_AndReports()
    {
        var director = Start(
            new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.FrozenPeer),
            new PlannedFault(2, TimeSpan.FromSeconds(30), 2, FaultKind.FrozenPeer));
        AllUp(director);
        Advance(TimeSpan.FromSeconds(4));

        var report = await director.Ask<DemoReport>(new DemoDirector.Finish(3), TimeSpan.FromSeconds(3));
        Advance(TimeSpan.FromSeconds(60));

        Assert.Equal([("inject", 1), ("heal", 1)], _injector.Calls.Select(c => (c.Op, c.Id)));
        Assert.Single(report.Faults);
        Assert.NotNull(report.Faults[0].HealedAt);
    }

    [Fact]
    public async Task DetectedAndRecoveredFault_MakesASuccessfulReport()
    {
        var director = Start(new PlannedFault(1, TimeSpan.FromSeconds(4), 1, FaultKind.SlowPongs));
        AllUp(director);
        Advance(TimeSpan.FromSeconds(5.8));
        director.Tell(Event("json-02", ConnectionEventKind.Down, DisconnectReason.HeartbeatTimeout));
        Advance(TimeSpan.FromSeconds(0.4));
        director.Tell(Event("json-02", ConnectionEventKind.Up));
        WaitForIdle();

        var report = await director.Ask<DemoReport>(new DemoDirector.Finish(3), TimeSpan.FromSeconds(3));

        Assert.True(report.Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(1.8), report.Faults[0].Latency);
        Assert.Equal(1, report.Reconnects);
    }

    private sealed class RecordingInjector : IFaultInjector
    {
        private readonly ConcurrentQueue<(string Op, int Id, DateTimeOffset At)> _calls = new();

        public string? Refusal { get; set; }

        public TimeProvider Clock { get; set; } = TimeProvider.System;

        public IReadOnlyList<(string Op, int Id, DateTimeOffset At)> Calls => [.. _calls];

        public void Inject(PlannedFault fault)
        {
            if (Refusal is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            _calls.Enqueue(("inject", fault.Id, Clock.GetUtcNow()));
        }

        public void Heal(PlannedFault fault) => _calls.Enqueue(("heal", fault.Id, Clock.GetUtcNow()));
    }
}
