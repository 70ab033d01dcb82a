using System.Diagnostics.Metrics;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Registry;

/// <summary>
/// The <c>ActorHeartbeat</c> meter: connections by state (gauge), pings sent, pongs received, missed
/// deadlines, reconnects, dropped sends (counters) and round-trip time (histogram, ms). Instruments
/// are tagged with <c>connection</c> where it applies.
/// </summary>
internal sealed class HeartbeatMetrics : IDisposable
{
    public const string MeterName = "ActorHeartbeat";

    private readonly Meter _meter;
    private readonly Counter<long> _pingsSent;
    private readonly Counter<long> _pongsReceived;
    private readonly Counter<long> _missedDeadlines;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _droppedSends;
    private readonly Histogram<double> _roundTrip;
    private static readonly ConnectionState[] States = Enum.GetValues<ConnectionState>();
    private static readonly KeyValuePair<string, object?>[] StateTags =
        [.. States.Select(s => new KeyValuePair<string, object?>("state", s.ToString().ToLowerInvariant()))];

    // Replaced, never written in place: the gauge is read on a collector's thread.
    private volatile int[] _byState = new int[States.Length];

    public HeartbeatMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _pingsSent = _meter.CreateCounter<long>("actorheartbeat.pings.sent", "{ping}", "Application pings sent.");
        _pongsReceived = _meter.CreateCounter<long>("actorheartbeat.pongs.received", "{pong}", "Application pings answered.");
        _missedDeadlines = _meter.CreateCounter<long>("actorheartbeat.deadlines.missed", "{deadline}", "Pong deadlines that passed unanswered.");
        _reconnects = _meter.CreateCounter<long>("actorheartbeat.reconnects", "{attempt}", "Connection attempts after a failure.");
        _droppedSends = _meter.CreateCounter<long>("actorheartbeat.sends.dropped", "{message}", "Buffered sends dropped by drop-oldest.");
        _roundTrip = _meter.CreateHistogram<double>("actorheartbeat.rtt", "ms", "Round-trip time of answered application pings.");
        _meter.CreateObservableGauge("actorheartbeat.connections", ObserveStates, "{connection}", "Connections by state.");
    }

    /// <summary>Takes the per-state counts of <paramref name="table"/> for the gauge.</summary>
    public void StatesChanged(LivenessTable table)
    {
        var counts = new int[States.Length];
        foreach (var state in States)
        {
            counts[(int)state] = table.CountIn(state);
        }

        _byState = counts;
    }

    public void PingSent(string connection)
    {
        if (_pingsSent.Enabled)
        {
            _pingsSent.Add(1, Tag(connection));
        }
    }

    public void PongReceived(string connection, TimeSpan roundTrip)
    {
        if (_pongsReceived.Enabled)
        {
            _pongsReceived.Add(1, Tag(connection));
        }

        if (_roundTrip.Enabled)
        {
            _roundTrip.Record(roundTrip.TotalMilliseconds, Tag(connection));
        }
    }

    public void DeadlineMissed(string connection) => _missedDeadlines.Add(1, Tag(connection));

    public void Reconnect(string connection) => _reconnects.Add(1, Tag(connection));

    public void SendDropped(string connection) => _droppedSends.Add(1, Tag(connection));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string connection) => new("connection", connection);

    private IEnumerable<Measurement<int>> ObserveStates()
    {
        var counts = _byState;
        foreach (var state in States)
        {
            yield return new Measurement<int>(counts[(int)state], StateTags[(int)state]);
        }
    }
}
