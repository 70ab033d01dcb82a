using ActorHeartbeat.Actors;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>Records the <see cref="ConnectionEvent"/>s of an actor system's event stream for tests on real time.</summary>
internal sealed class EventRecorder
{
    private readonly object _gate = new();
    private readonly List<ConnectionEvent> _events = [];
    private readonly List<(Func<ConnectionEvent, bool> Match, TaskCompletionSource<ConnectionEvent> Done)> _waiters = [];

    private EventRecorder()
    {
    }

    public IReadOnlyList<ConnectionEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public static EventRecorder Subscribe(ActorSystem system)
    {
        var recorder = new EventRecorder();
        var actor = system.ActorOf(Props.Create(() => new Listener(recorder)));
        system.EventStream.Subscribe(actor, typeof(ConnectionEvent));
        return recorder;
    }

    /// <summary>The first event (already recorded or still to come) that matches, within <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">None matched in time; the message lists what was recorded.</exception>
    public async Task<ConnectionEvent> WaitForAsync(Func<ConnectionEvent, bool> match, TimeSpan timeout, string what)
    {
        Task<ConnectionEvent> found;
        lock (_gate)
        {
            if (_events.FirstOrDefault(match) is { } already)
            {
                return already;
            }

            var done = new TaskCompletionSource<ConnectionEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            found = done.Task;
        }

        try
        {
            return await found.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} within {timeout.TotalMilliseconds:0} ms. Events: {string.Join(" | ", Events.Select(EventLines.Format))}");
        }
    }

    private void Add(ConnectionEvent e)
    {
        lock (_gate)
        {
            _events.Add(e);
            foreach (var waiter in _waiters.Where(w => w.Match(e)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(e);
            }
        }
    }

    private sealed class Listener : ReceiveActor
    {
        public Listener(EventRecorder recorder) => Receive<ConnectionEvent>(recorder.Add);
    }
}
