using ActorHeartbeat.Actors;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Registry;

/// <summary>
/// Knows, at any moment, which connections are up, how fast they answer, how often they failed and
/// why. Receives every transition and round-trip sample, answers <see cref="GetLiveness"/> with a
/// <see cref="LivenessSnapshot"/>, publishes every transition as a <see cref="ConnectionEvent"/> on the
/// event stream, and exports the <c>ActorHeartbeat</c> meter.
/// </summary>
public sealed class LivenessRegistry : ReceiveActor
{
    private readonly LivenessTable _table;
    private readonly HeartbeatMetrics _metrics;
    private readonly bool _ownsMetrics;

    private LivenessRegistry(int rttSamples, HeartbeatMetrics? metrics)
    {
        _table = new LivenessTable(rttSamples);
        _ownsMetrics = metrics is null;
        _metrics = metrics ?? new HeartbeatMetrics();
        Receive<ConnectionEvent>(OnEvent);
        Receive<RoundTripSampled>(s =>
        {
            if (_table.RecordRoundTrip(s.Connection, s.RoundTrip, s.At))
            {
                _metrics.PongReceived(s.Connection, s.RoundTrip);
            }
        });
        Receive<PingSent>(p => _metrics.PingSent(p.Connection));
        Receive<SendDropped>(d => _metrics.SendDropped(d.Connection));
        Receive<GetLiveness>(q => Sender.Tell(new LivenessSnapshot(
            q.Connection is null ? _table.All() : _table.Get(q.Connection) is { } one ? [one] : [])));
    }

    /// <summary>Props for a registry keeping <paramref name="rttSamples"/> samples per connection.</summary>
    public static Props Props(int rttSamples = 128) => Actors.Props.Create(() => new LivenessRegistry(rttSamples, null));

    /// <summary>Props for a registry that records into <paramref name="metrics"/>, which its owner disposes (the connection actors count their pings there directly).</summary>
    internal static Props Props(int rttSamples, HeartbeatMetrics metrics) => Actors.Props.Create(() => new LivenessRegistry(rttSamples, metrics));

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (_ownsMetrics)
        {
            _metrics.Dispose();
        }
    }

    private void OnEvent(ConnectionEvent e)
    {
        switch (e.Kind)
        {
            case ConnectionEventKind.Connecting:
                if (e.Attempt > 1)
                {
                    _metrics.Reconnect(e.Connection);
                }

                _table.Transition(e.Connection, ConnectionState.Connecting, e.Timestamp, e.Attempt);
                break;
            case ConnectionEventKind.Up:
                _table.Transition(e.Connection, ConnectionState.Up, e.Timestamp, e.Attempt);
                break;
            case ConnectionEventKind.Down:
                if (e.Reason == DisconnectReason.HeartbeatTimeout)
                {
                    _metrics.DeadlineMissed(e.Connection);
                }

                // A removed connection's actor reports its own close after the supervisor reported the removal:
                // that down belongs to a connection that is gone and must not bring it back into the table.
                if (e.Reason != DisconnectReason.Removed || _table.Get(e.Connection) is not null)
                {
                    _table.Transition(e.Connection, ConnectionState.Down, e.Timestamp, reason: e.Reason);
                }

                break;
            case ConnectionEventKind.Backoff:
                _table.Transition(e.Connection, ConnectionState.BackingOff, e.Timestamp, e.Attempt, nextAttemptAt: e.Timestamp + (e.Delay ?? TimeSpan.Zero));
                break;
            case ConnectionEventKind.GaveUp:
                _table.Transition(e.Connection, ConnectionState.GaveUp, e.Timestamp, reason: e.Reason);
                break;
            case ConnectionEventKind.Removed:
                _table.Remove(e.Connection);
                break;
        }

        _metrics.StatesChanged(_table);
        if (e.Kind == ConnectionEventKind.Down && e.RoundTrip is null && _table.LastRoundTrip(e.Connection) is { } last)
        {
            e = e with { RoundTrip = last };
        }

        Context.System.EventStream.Publish(e);
    }

    /// <summary>Asks for the liveness of one connection, or of all when <paramref name="Connection"/> is null.</summary>
    /// <param name="Connection">The connection id, or null.</param>
    public sealed record GetLiveness(string? Connection = null);

    /// <summary>A ping was answered.</summary>
    /// <param name="Connection">The connection id.</param>
    /// <param name="RoundTrip">The round trip.</param>
    /// <param name="At">When the answer arrived (wall clock).</param>
    public sealed record RoundTripSampled(string Connection, TimeSpan RoundTrip, DateTimeOffset At);

    /// <summary>A ping was sent.</summary>
    /// <param name="Connection">The connection id.</param>
    public sealed record PingSent(string Connection);

    /// <summary>A buffered send was dropped by the drop-oldest policy.</summary>
    /// <param name="Connection">The connection id.</param>
    public sealed record SendDropped(string Connection);
}
