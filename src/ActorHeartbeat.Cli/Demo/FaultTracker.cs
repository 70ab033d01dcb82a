using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// The demo's scoreboard (pure: times come in with the inputs). It learns of each injected fault
/// and of every liveness event, decides when a fault is to be lifted, and sums up the run.
/// A connection's first <c>down</c> after an injection detects that fault; its first <c>up</c>
/// after the detection recovers it. A <c>down</c> of a connection with no fault open is
/// unexpected (a healthy connection declared dead) and counted as such.
/// </summary>
internal sealed class FaultTracker
{
    private readonly DemoTimings _timings;
    private readonly IReadOnlyList<string> _ids;
    private readonly Dictionary<string, int> _indexOf;
    private readonly List<FaultOutcome> _outcomes = [];
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _everUp = new(StringComparer.Ordinal);
    private readonly HashSet<string> _up = new(StringComparer.Ordinal);
    private int _reconnects;
    private int _unexpectedDowns;
    private int _skipped;

    public FaultTracker(IReadOnlyList<string> connectionIds, DemoTimings timings)
    {
        _ids = connectionIds;
        _timings = timings;
        _indexOf = connectionIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Records an injection; returns when to lift the fault if it is never detected.</summary>
    public DateTimeOffset Injected(PlannedFault fault, DateTimeOffset at)
    {
        var id = _ids[fault.Connection];
        var bound = _timings.Bound(DemoPlan.ProfileOf(fault.Connection));
        _open[id] = _outcomes.Count;
        _outcomes.Add(new FaultOutcome(fault, id, bound, at));
        return at + bound + _timings.GiveUpAfterBound;
    }

    /// <summary>
    /// Takes one liveness event. When it detects an open fault, returns the fault and when to lift it
    /// (at once, or after the refusal hold for refused connects).
    /// </summary>
    public (PlannedFault Fault, DateTimeOffset HealAt)? Observe(ConnectionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_indexOf.ContainsKey(e.Connection))
        {
            return null;
        }

        var open = _open.TryGetValue(e.Connection, out var slot) ? _outcomes[slot] : null;
        switch (e.Kind)
        {
            case ConnectionEventKind.Up:
                _up.Add(e.Connection);
                if (!_everUp.Add(e.Connection))
                {
                    _reconnects++;
                }

                if (open is { DetectedAt: not null })
                {
                    _outcomes[slot] = open with { RecoveredAt = e.Timestamp };
                    _open.Remove(e.Connection);
                }

                return null;

            case ConnectionEventKind.Down when e.Reason is not (DisconnectReason.Removed or DisconnectReason.Shutdown):
                _up.Remove(e.Connection);
                if (open is null)
                {
                    _unexpectedDowns++;
                    return null;
                }

                if (open.DetectedAt is not null)
                {
                    return null;
                }

                _outcomes[slot] = open with { DetectedAt = e.Timestamp, Reason = e.Reason };
                var hold = open.Fault.Kind == FaultKind.RefusedConnects ? _timings.RefuseHold : TimeSpan.Zero;
                return (open.Fault, e.Timestamp + hold);

            default:
                if (e.Kind != ConnectionEventKind.Backoff)
                {
                    _up.Remove(e.Connection);
                }

                return null;
        }
    }

    /// <summary>The id of the connection <paramref name="fault"/> hits.</summary>
    public string ConnectionOf(PlannedFault fault) => _ids[fault.Connection];

    /// <summary>Whether the last event of <paramref name="connection"/> said it is up.</summary>
    public bool IsUp(string connection) => _up.Contains(connection);

    /// <summary>Records that a fault was due but could not be applied.</summary>
    public void Skipped() => _skipped++;

    /// <summary>Whether <paramref name="fault"/> still holds (injected and not yet lifted).</summary>
    public bool Holds(PlannedFault fault) => Find(fault) is { HealedAt: null };

    /// <summary>Records that <paramref name="fault"/> was lifted.</summary>
    public void Healed(PlannedFault fault, DateTimeOffset at)
    {
        var index = _outcomes.FindIndex(o => o.Fault.Id == fault.Id);
        if (index >= 0 && _outcomes[index].HealedAt is null)
        {
            _outcomes[index] = _outcomes[index] with { HealedAt = at };
        }
    }

    /// <summary>The faults injected so far, in injection order.</summary>
    public IReadOnlyList<FaultOutcome> Outcomes => _outcomes;

    /// <summary>The summary of the run so far; <paramref name="connectionsUp"/> is how many are up now.</summary>
    public DemoReport Report(int connectionsUp) =>
        new([.. _outcomes], _ids.Count, connectionsUp, _reconnects, _unexpectedDowns, _skipped);

    private FaultOutcome? Find(PlannedFault fault) => _outcomes.Find(o => o.Fault.Id == fault.Id);
}
