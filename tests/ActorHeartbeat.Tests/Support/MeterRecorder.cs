using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorHeartbeat.Tests.Support;

/// <summary>
/// Records every measurement of the <c>ActorHeartbeat</c> meter with its <c>connection</c> and
/// <c>state</c> tags. The listener hears every manager in the process, so tests filter by a
/// connection id no other test uses.
/// </summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, string? Connection, string? State)> _measurements = new();

    public MeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ActorHeartbeat")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _listener.Start();
    }

    public IReadOnlyCollection<(string Instrument, double Value, string? Connection, string? State)> Measurements => _measurements;

    /// <summary>Takes a reading of the observable instruments (the state gauge).</summary>
    public void RecordObservableInstruments() => _listener.RecordObservableInstruments();

    /// <summary>The sum of <paramref name="instrument"/>'s measurements for <paramref name="connection"/>.</summary>
    public double Sum(string instrument, string connection) =>
        _measurements.Where(m => m.Instrument == instrument && m.Connection == connection).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? connection = null;
        string? state = null;
        foreach (var tag in tags)
        {
            connection = tag.Key == "connection" ? tag.Value as string : connection;
            state = tag.Key == "state" ? tag.Value as string : state;
        }

        _measurements.Enqueue((instrument.Name, value, connection, state));
    }
}
