using System.Diagnostics;
using System.Text;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Every <see cref="ConnectionEvent"/> a test's connection manager published, in arrival order, each
/// stamped with the real time it arrived. Tests wait for an event with a bounded wait and read the
/// whole history in failure messages. Thread-safe: the recorder actor adds, the test reads.
/// </summary>
internal sealed class EventLog
{
    private readonly object _gate = new();
    private readonly List<RecordedEvent> _events = [];
    private readonly List<Waiter> _waiters = [];
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>Events recorded so far; an index to wait from.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public void Add(ConnectionEvent e)
    {
        var waiting = new List<(TaskCompletionSource<RecordedEvent> Found, RecordedEvent Event)>();
        lock (_gate)
        {
            var recorded = new RecordedEvent(_events.Count, Stopwatch.GetTimestamp(), e);
            _events.Add(recorded);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Matches(recorded))
                {
                    waiting.Add((_waiters[i].Found, recorded));
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var (found, recorded) in waiting)
        {
            found.TrySetResult(recorded);
        }
    }

    /// <summary>The events from index <paramref name="from"/> on.</summary>
    public IReadOnlyList<RecordedEvent> Since(int from)
    {
        lock (_gate)
        {
            return [.. _events.Skip(from)];
        }
    }

    /// <summary>
    /// The first event at index <paramref name="from"/> or later that <paramref name="match"/> accepts,
    /// waiting at most <paramref name="timeout"/> (real time) for it.
    /// </summary>
    /// <exception cref="TimeoutException">None arrived in time; the message lists every event.</exception>
    public async Task<RecordedEvent> WaitForAsync(Func<RecordedEvent, bool> match, int from, TimeSpan timeout, string what)
    {
        TaskCompletionSource<RecordedEvent> found;
        lock (_gate)
        {
            foreach (var recorded in _events.Skip(from))
            {
                if (match(recorded))
                {
                    return recorded;
                }
            }

            found = new TaskCompletionSource<RecordedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add(new Waiter(from, match, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Found == found);
            }

            throw new TimeoutException($"No {what} within {timeout.TotalMilliseconds:0} ms (waiting from event #{from}). Events:{Environment.NewLine}{Describe()}");
        }
    }

    /// <summary>Every event, one per line, times relative to the log's creation.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        lock (_gate)
        {
            foreach (var recorded in _events)
            {
                sb.Append("  ").AppendLine(recorded.Describe(_origin));
            }
        }

        return sb.Length == 0 ? "  (none)" : sb.ToString();
    }

    private sealed record Waiter(int From, Func<RecordedEvent, bool> Match, TaskCompletionSource<RecordedEvent> Found)
    {
        public bool Matches(RecordedEvent recorded) => recorded.Index >= From && Match(recorded);
    }
}
