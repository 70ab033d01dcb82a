namespace ActorHeartbeat.Core;

/// <summary>
/// The registry's data: per connection its state, since when, attempt, restarts, last failure
/// reason, last answered ping, and round-trip statistics (the last exact, the rest to the microsecond)
/// over the last <see cref="SampleWindow"/> samples. Pure: times come in as parameters. Not
/// thread-safe (owned by the registry actor).
/// </summary>
public sealed class LivenessTable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Connections per state, kept up to date on every change (indexed by the enum's value), so that
    // counting is not a walk over every connection on each transition.
    private readonly int[] _byState = new int[Enum.GetValues<ConnectionState>().Length];

    /// <summary>Creates a table keeping <paramref name="sampleWindow"/> round-trip samples per connection.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="sampleWindow"/> is below 1.</exception>
    public LivenessTable(int sampleWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleWindow, 1);
        SampleWindow = sampleWindow;
    }

    /// <summary>Round-trip samples kept per connection (HOCON <c>registry.rtt-samples</c>).</summary>
    public int SampleWindow { get; }

    /// <summary>Connections in the table.</summary>
    public int Count => _entries.Count;

    /// <summary>Records a transition to <paramref name="state"/> at <paramref name="at"/>; adds the connection if new.</summary>
    /// <param name="id">The connection.</param>
    /// <param name="state">The new state.</param>
    /// <param name="at">Wall-clock time of the transition.</param>
    /// <param name="attempt">The attempt number, when known.</param>
    /// <param name="reason">Why it went down (for <see cref="ConnectionState.Down"/> and <see cref="ConnectionState.GaveUp"/>).</param>
    /// <param name="nextAttemptAt">When the next attempt starts (for <see cref="ConnectionState.BackingOff"/>).</param>
    public void Transition(string id, ConnectionState state, DateTimeOffset at, int? attempt = null, DisconnectReason? reason = null, DateTimeOffset? nextAttemptAt = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_entries.TryGetValue(id, out var entry))
        {
            entry = new Entry(SampleWindow);
            _entries.Add(id, entry);
            _byState[(int)entry.State]++;
        }
        else if (state == ConnectionState.Connecting && entry.State is ConnectionState.BackingOff or ConnectionState.Down)
        {
            entry.Restarts++;
        }

        _byState[(int)entry.State]--;
        _byState[(int)state]++;
        entry.State = state;
        entry.Since = at;
        entry.Attempt = attempt ?? entry.Attempt;
        entry.NextAttemptAt = state == ConnectionState.BackingOff ? nextAttemptAt : null;
        if (reason is not null)
        {
            entry.LastReason = reason;
        }
    }

    /// <summary>Records an answered ping: its round trip and when the answer came.</summary>
    /// <returns>False when the connection is unknown (the sample is not kept).</returns>
    public bool RecordRoundTrip(string id, TimeSpan roundTrip, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_entries.TryGetValue(id, out var entry))
        {
            return false;
        }

        entry.Add(roundTrip);
        entry.LastPong = at;
        return true;
    }

    /// <summary>Forgets a connection; false when it was unknown.</summary>
    public bool Remove(string id)
    {
        if (!_entries.Remove(id, out var entry))
        {
            return false;
        }

        _byState[(int)entry.State]--;
        return true;
    }

    /// <summary>The snapshot of one connection, or null.</summary>
    public ConnectionLiveness? Get(string id) =>
        _entries.TryGetValue(id, out var entry) ? entry.Snapshot(id) : null;

    /// <summary>Snapshots of every connection, ordered by id.</summary>
    public IReadOnlyList<ConnectionLiveness> All() =>
        [.. _entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value.Snapshot(e.Key))];

    /// <summary>How many connections are in <paramref name="state"/>.</summary>
    public int CountIn(ConnectionState state) => _byState[(int)state];

    /// <summary>The latest round trip of <paramref name="id"/>, or null (unknown connection, or none measured yet).</summary>
    public TimeSpan? LastRoundTrip(string id) => _entries.TryGetValue(id, out var entry) ? entry.LastRoundTrip : null;

    /// <summary>How many connections are in each state.</summary>
    public IReadOnlyDictionary<ConnectionState, int> CountByState()
    {
        var states = Enum.GetValues<ConnectionState>();
        var counts = new Dictionary<ConnectionState, int>(states.Length);
        foreach (var state in states)
        {
            counts[state] = CountIn(state);
        }

        return counts;
    }

    private sealed class Entry(int window)
    {
        private readonly RoundTripWindow _roundTrips = new(window);

        public ConnectionState State { get; set; }

        public DateTimeOffset Since { get; set; }

        public int Attempt { get; set; } = 1;

        public int Restarts { get; set; }

        public DisconnectReason? LastReason { get; set; }

        public DateTimeOffset? LastPong { get; set; }

        public DateTimeOffset? NextAttemptAt { get; set; }

        public TimeSpan? LastRoundTrip => _roundTrips.Last;

        public void Add(TimeSpan sample) => _roundTrips.Add(sample);

        public ConnectionLiveness Snapshot(string id) =>
            new(id, State, Since, Attempt, Restarts, LastReason, LastPong, _roundTrips.Statistics(), NextAttemptAt);
    }
}
