using System.Diagnostics.Metrics;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Server;

/// <summary>
/// The server's instruments on the <c>ActorHeartbeat</c> meter (the client's meter name): sessions by
/// state (gauge, tag <c>state</c>), disconnects (tag <c>reason</c>), refused handshakes (tag <c>cause</c>),
/// dropped messages, pings sent (counters) and round-trip time (histogram, ms). No per-session tags, so
/// the number of series stays small with many clients. Thread-safe.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "ActorHeartbeat";

    private readonly Meter _meter;
    private readonly Counter<long> _disconnects;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _pingsSent;
    private readonly Histogram<double> _roundTrip;
    private int _up;
    private int _closing;

    public ServerMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _disconnects = _meter.CreateCounter<long>("actorheartbeat.server.disconnects", "{session}", "Sessions ended, by reason.");
        _refused = _meter.CreateCounter<long>("actorheartbeat.server.refused", "{request}", "Handshakes refused, by cause.");
        _dropped = _meter.CreateCounter<long>("actorheartbeat.server.messages.dropped", "{message}", "Messages for clients that were never written.");
        _pingsSent = _meter.CreateCounter<long>("actorheartbeat.server.pings.sent", "{ping}", "Application pings sent to clients.");
        _roundTrip = _meter.CreateHistogram<double>("actorheartbeat.server.rtt", "ms", "Round-trip time of server pings answered by clients.");
        _meter.CreateObservableGauge("actorheartbeat.server.sessions", ObserveSessions, "{session}", "Sessions by state.");
    }

    public void SessionsChanged(int up, int closing)
    {
        Volatile.Write(ref _up, up);
        Volatile.Write(ref _closing, closing);
    }

    public void Disconnected(DisconnectReason reason) => _disconnects.Add(1, new KeyValuePair<string, object?>("reason", reason.ToKebab()));

    public void Refused(string cause) => _refused.Add(1, new KeyValuePair<string, object?>("cause", cause));

    public void Dropped(int count)
    {
        if (count > 0)
        {
            _dropped.Add(count);
        }
    }

    public void PingSent() => _pingsSent.Add(1);

    public void RoundTrip(TimeSpan roundTrip) => _roundTrip.Record(roundTrip.TotalMilliseconds);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveSessions()
    {
        yield return new Measurement<int>(Volatile.Read(ref _up), new KeyValuePair<string, object?>("state", "up"));
        yield return new Measurement<int>(Volatile.Read(ref _closing), new KeyValuePair<string, object?>("state", "closing"));
    }
}
