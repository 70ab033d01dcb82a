using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Tests.Support;

/// <summary>Keeps every log entry; tests wait for an entry with <see cref="WaitForAsync"/> (bounded, no polling).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly object _gate = new();
    private readonly List<CapturedLog> _entries = [];
    private readonly List<(Predicate<CapturedLog> Match, TaskCompletionSource<CapturedLog> Done)> _waiters = [];

    public IReadOnlyList<CapturedLog> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The first entry (already logged or to come) that matches, or a failure naming what was logged after 15 s.</summary>
    public async Task<CapturedLog> WaitForAsync(Predicate<CapturedLog> match, string what)
    {
        TaskCompletionSource<CapturedLog> done;
        lock (_gate)
        {
            var found = _entries.Find(match);
            if (found is not null)
            {
                return found;
            }

            done = new TaskCompletionSource<CapturedLog>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No log entry {what} within {Bound.TotalSeconds} s. Logged:\n{string.Join("\n", Entries.Select(e => $"  {e.Level} {e.Message}"))}");
            throw;
        }
    }

    public Task<CapturedLog> WaitForEventAsync(string connection, string @event) =>
        WaitForAsync(e => e.IsEvent(connection, @event), $"for connection '{connection}' event '{@event}'");

    private void Add(CapturedLog entry)
    {
        List<TaskCompletionSource<CapturedLog>> matched = [];
        lock (_gate)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(entry))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched.ForEach(m => m.TrySetResult(entry));
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    fields[key] = value;
                }
            }

            owner.Add(new CapturedLog(category, logLevel, formatter(state, exception), fields));
        }
    }
}
