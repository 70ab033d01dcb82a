using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// The actor shell around <see cref="FaultTracker"/>: injects each planned fault on its timer,
/// feeds the liveness events to the tracker, lifts each fault when the tracker says so, and
/// passes events and fault lines on to the output in the order they happened.
/// </summary>
internal sealed class DemoDirector : ReceiveActor, IWithTimers
{
    private readonly FaultTracker _tracker;
    private readonly IFaultInjector _injector;
    private readonly IActorRef? _output;
    private readonly Func<FaultLine, string> _format;
    private readonly Dictionary<int, PlannedFault> _plan;
    private bool _finished;

    public DemoDirector(IReadOnlyList<PlannedFault> plan, FaultTracker tracker, IFaultInjector injector, IActorRef? output, Func<FaultLine, string> format)
    {
        _tracker = tracker;
        _injector = injector;
        _output = output;
        _format = format;
        _plan = plan.ToDictionary(f => f.Id);

        Receive<InjectDue>(m => Inject(_plan[m.FaultId]));
        Receive<HealDue>(m => Heal(_plan[m.FaultId]));
        Receive<ConnectionEvent>(Observe);
        Receive<GetOutcomes>(_ => Sender.Tell(new Outcomes([.. _tracker.Outcomes])));
        Receive<Finish>(m =>
        {
            _finished = true;
            Timers.CancelAll();
            foreach (var fault in _plan.Values.Where(_tracker.Holds).ToArray())
            {
                Heal(fault);
            }

            Sender.Tell(_tracker.Report(m.ConnectionsUp));
        });
        Receive<GetReport>(m => Sender.Tell(_tracker.Report(m.ConnectionsUp)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IReadOnlyList<PlannedFault> plan, FaultTracker tracker, IFaultInjector injector, IActorRef? output, Func<FaultLine, string> format) =>
        Actors.Props.Create(() => new DemoDirector(plan, tracker, injector, output, format));

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var fault in _plan.Values)
        {
            Timers.StartSingleTimer(InjectKey(fault), new InjectDue(fault.Id), fault.At);
        }
    }

    private void Inject(PlannedFault fault)
    {
        var now = Now;
        var connection = _tracker.ConnectionOf(fault);
        if (!_tracker.IsUp(connection))
        {
            _tracker.Skipped();
            Write(new FaultLine(now, connection, fault, FaultLineKind.Skipped, "the connection was not up"));
            return;
        }

        try
        {
            _injector.Inject(fault);
        }
        catch (InvalidOperationException e)
        {
            _tracker.Skipped();
            Write(new FaultLine(now, connection, fault, FaultLineKind.Skipped, e.Message));
            return;
        }

        var giveUpAt = _tracker.Injected(fault, now);
        Write(new FaultLine(now, connection, fault, FaultLineKind.Injected, null));
        Timers.StartSingleTimer(HealKey(fault), new HealDue(fault.Id), Max(giveUpAt - now, TimeSpan.Zero));
    }

    private void Observe(ConnectionEvent e)
    {
        _output?.Tell(e);
        if (_tracker.Observe(e) is not { } detected || _finished)
        {
            return;
        }

        var wait = detected.HealAt - Now;
        if (wait <= TimeSpan.Zero)
        {
            Heal(detected.Fault);
        }
        else
        {
            // Replaces the give-up timer: the fault is lifted after its hold instead.
            Timers.StartSingleTimer(HealKey(detected.Fault), new HealDue(detected.Fault.Id), wait);
        }
    }

    private void Heal(PlannedFault fault)
    {
        if (!_tracker.Holds(fault))
        {
            return;
        }

        Timers.Cancel(HealKey(fault));
        _injector.Heal(fault);
        var now = Now;
        _tracker.Healed(fault, now);
        Write(new FaultLine(now, _tracker.ConnectionOf(fault), fault, FaultLineKind.Healed, null));
    }

    private void Write(FaultLine line) => _output?.Tell(new Commands.EventSink.Line(_format(line)));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static (string, int) InjectKey(PlannedFault fault) => ("inject", fault.Id);

    private static (string, int) HealKey(PlannedFault fault) => ("heal", fault.Id);

    /// <summary>Timer message: inject the fault.</summary>
    public sealed record InjectDue(int FaultId);

    /// <summary>Timer message: lift the fault (after its hold, or because it went undetected too long).</summary>
    public sealed record HealDue(int FaultId);

    /// <summary>The outcomes so far, for the live view (answered with <see cref="Outcomes"/>).</summary>
    public sealed record GetOutcomes
    {
        public static GetOutcomes Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="GetOutcomes"/>.</summary>
    public sealed record Outcomes(IReadOnlyList<FaultOutcome> Faults);

    /// <summary>Stop injecting, lift every fault still held, answer with the <see cref="DemoReport"/>.</summary>
    public sealed record Finish(int ConnectionsUp);

    /// <summary>Answered with the <see cref="DemoReport"/> so far.</summary>
    public sealed record GetReport(int ConnectionsUp);
}
