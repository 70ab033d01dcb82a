using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Supervision;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Settings;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Server;

/// <summary>
/// The parent of every session actor and the registry of live sessions: handshake data, RTT statistics
/// (a <see cref="LivenessTable"/>), and the reason of every disconnect. It publishes each session's
/// <c>up</c> and <c>down</c> as a <see cref="ConnectionEvent"/> (connection = session id) on the actor
/// system's event stream, fans broadcasts out to the sessions' bounded queues, and never restarts a
/// session: a session that fails is stopped and cleaned up. See the nested records for its messages.
/// </summary>
public sealed partial class ServerSupervisor : ReceiveActor
{
    private readonly ServerSettings _settings;
    private readonly IRandomSource _random;
    private readonly ServerMetrics _metrics;
    private readonly SessionSlots? _slots;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly LivenessTable _table;
    private readonly Queue<SessionDisconnect> _recent = new();
    private readonly Dictionary<DisconnectReason, long> _byReason = [];
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly List<IActorRef> _shutdownWaiters = [];
    private long _accepted;
    private long _dropped;
    private bool _shuttingDown;

    private ServerSupervisor(ServerSettings settings, IRandomSource random, ServerMetrics metrics, SessionSlots? slots, ILogger logger)
    {
        _settings = settings;
        _random = random;
        _metrics = metrics;
        _slots = slots;
        _logger = logger;
        _table = new LivenessTable(settings.RttSamples);

        Receive<OpenSession>(OnOpen);
        Receive<SessionDown>(d => OnDown(Sender.Path.Name, d.Reason, d.Detail, d.Dropped));
        Receive<SessionRoundTrip>(r => _table.RecordRoundTrip(Sender.Path.Name, r.RoundTrip, r.At));
        Receive<SessionInbound>(m => Notify(new SessionMessage(Sender.Path.Name, m.Message)));
        Receive<SessionDropped>(d => CountDropped(d.Count));
        Receive<Terminated>(t => OnTerminated(t.ActorRef));
        Receive<GetSessions>(q => Sender.Tell(Snapshot(q.Filter)));
        Receive<Broadcast>(OnBroadcast);
        Receive<SendTo>(OnSendTo);
        Receive<Disconnect>(OnDisconnect);
        Receive<Subscribe>(s =>
        {
            if (_subscribers.Add(s.Subscriber))
            {
                Context.Watch(s.Subscriber);
            }
        });
        Receive<Unsubscribe>(s =>
        {
            if (_subscribers.Remove(s.Subscriber))
            {
                Context.Unwatch(s.Subscriber);
            }
        });
        Receive<Shutdown>(_ => OnShutdown());
    }

    internal static Props Props(ServerSettings settings, IRandomSource random, ServerMetrics metrics, SessionSlots? slots, ILogger logger) =>
        Actors.Props.Create(() => new ServerSupervisor(settings, random, metrics, slots, logger));

    /// <summary>A failing session is stopped, never restarted; its stop is reported as its disconnect.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private DateTimeOffset UtcNow => Context.System.TimeProvider.GetUtcNow();

    private bool HasSender => !Sender.Equals(Context.System.DeadLetters);

    private void OnOpen(OpenSession open)
    {
        var info = open.Info;
        IActorRef session;
        try
        {
            if (_sessions.ContainsKey(info.Id))
            {
                throw new InvalidActorNameException($"Session id '{info.Id}' is already in use.");
            }

            session = Context.ActorOf(SessionActor.Props(info.Id, open.Connection, _settings, _random, _metrics, open.Completion), info.Id);
        }
        catch (InvalidActorNameException e)
        {
            ServerLog.SessionRejected(_logger, info.Id, e.Message);
            open.Connection.Abort();
            open.Connection.Dispose();
            open.Completion.TrySetResult();
            _slots?.Release();
            return;
        }

        Context.Watch(session);
        _sessions.Add(info.Id, new Entry(info, session, ++_accepted));
        _table.Transition(info.Id, ConnectionState.Up, info.Since);
        UpdateGauge();
        ServerLog.SessionUp(_logger, info.Id, info.RemoteAddress, info.PathAndQuery);
        Publish(new ConnectionEvent(info.Since, info.Id, ConnectionEventKind.Up, Detail: $"from {info.RemoteAddress ?? "unknown"} {info.PathAndQuery}"));
        if (_shuttingDown)
        {
            session.Tell(new SessionClose(DisconnectReason.Shutdown, "the server is stopping"), Self);
        }
    }

    private void OnDown(string id, DisconnectReason reason, string detail, int dropped)
    {
        if (!_sessions.TryGetValue(id, out var entry) || entry.Reason is not null)
        {
            CountDropped(dropped);
            return;
        }

        var at = UtcNow;
        entry.Reason = reason;
        var lastRoundTrip = _table.Get(id)?.RoundTrip?.Last;
        _table.Transition(id, ConnectionState.Down, at, reason: reason);
        _byReason[reason] = _byReason.GetValueOrDefault(reason) + 1;
        _recent.Enqueue(new SessionDisconnect(entry.Info, at, reason, detail, dropped));
        while (_recent.Count > RecentDisconnectCapacity)
        {
            _recent.Dequeue();
        }

        CountDropped(dropped);
        _metrics.Disconnected(reason);
        UpdateGauge();
        ServerLog.SessionDown(_logger, id, reason.ToKebab(), detail, dropped);
        Publish(new ConnectionEvent(at, id, ConnectionEventKind.Down, Reason: reason, Detail: detail, RoundTrip: lastRoundTrip));
    }

    private void OnTerminated(IActorRef actor)
    {
        if (_subscribers.Remove(actor))
        {
            return;
        }

        var id = actor.Path.Name;
        if (!_sessions.TryGetValue(id, out var entry) || !entry.Ref.Equals(actor))
        {
            return;
        }

        if (entry.Reason is null)
        {
            OnDown(id, DisconnectReason.DisconnectedByServer, "the session actor stopped unexpectedly", 0);
        }

        _sessions.Remove(id);
        _table.Remove(id);
        _slots?.Release();
        UpdateGauge();
        CompleteShutdownIfDone();
    }

    private void OnBroadcast(Broadcast broadcast)
    {
        var send = new SessionSend(broadcast.Message);
        var count = 0;
        foreach (var entry in _sessions.Values)
        {
            if (entry.Reason is null && (broadcast.Filter is null || broadcast.Filter(entry.Info)))
            {
                entry.Ref.Tell(send, Self);
                count++;
            }
        }

        if (HasSender)
        {
            Sender.Tell(new BroadcastQueued(count));
        }
    }

    private void OnSendTo(SendTo send)
    {
        if (_sessions.TryGetValue(send.SessionId, out var entry) && entry.Reason is null)
        {
            entry.Ref.Tell(new SessionSend(send.Message), Self);
            return;
        }

        CountDropped(1);
        if (HasSender)
        {
            Sender.Tell(new SendRejected(send.SessionId, send.Message, entry is null ? "no such session" : $"the session is closing ({entry.Reason!.Value.ToKebab()})"));
        }
    }

    private void OnDisconnect(Disconnect disconnect)
    {
        DisconnectResult result;
        if (!_sessions.TryGetValue(disconnect.SessionId, out var entry))
        {
            result = new DisconnectResult(disconnect.SessionId, false, "no such session");
        }
        else if (entry.Reason is { } reason)
        {
            result = new DisconnectResult(disconnect.SessionId, false, $"the session is already closing ({reason.ToKebab()})");
        }
        else
        {
            entry.Ref.Tell(new SessionClose(disconnect.Reason, disconnect.Detail ?? "disconnected by the server"), Self);
            result = new DisconnectResult(disconnect.SessionId, true, null);
        }

        if (HasSender)
        {
            Sender.Tell(result);
        }
    }

    private void OnShutdown()
    {
        if (!_shuttingDown)
        {
            _shuttingDown = true;
            ServerLog.ShuttingDown(_logger, _sessions.Count);
            foreach (var entry in _sessions.Values.Where(e => e.Reason is null))
            {
                entry.Ref.Tell(new SessionClose(DisconnectReason.Shutdown, "the server is stopping"), Self);
            }
        }

        if (HasSender)
        {
            _shutdownWaiters.Add(Sender);
        }

        CompleteShutdownIfDone();
    }

    private void CompleteShutdownIfDone()
    {
        if (!_shuttingDown || _sessions.Count > 0)
        {
            return;
        }

        foreach (var waiter in _shutdownWaiters)
        {
            waiter.Tell(ShutdownCompleted.Instance);
        }

        _shutdownWaiters.Clear();
    }

    private SessionsSnapshot Snapshot(Func<SessionInfo, bool>? filter)
    {
        var sessions = new List<SessionSnapshot>(_sessions.Count);
        foreach (var entry in _sessions.Values.OrderBy(e => e.Sequence))
        {
            if (filter is not null && !filter(entry.Info))
            {
                continue;
            }

            var liveness = _table.Get(entry.Info.Id);
            sessions.Add(new SessionSnapshot(
                entry.Info,
                entry.Reason is null ? SessionState.Up : SessionState.Closing,
                entry.Reason,
                liveness?.LastPong,
                liveness?.RoundTrip));
        }

        return new SessionsSnapshot(sessions, [.. _recent], new Dictionary<DisconnectReason, long>(_byReason), _accepted, _dropped);
    }

    private void CountDropped(int count)
    {
        _dropped += count;
        _metrics.Dropped(count);
    }

    private void Publish(ConnectionEvent e)
    {
        Context.System.EventStream.Publish(e);
        Notify(e);
    }

    private void Notify(object message)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Tell(message, Self);
        }
    }

    private void UpdateGauge()
    {
        var closing = _sessions.Values.Count(e => e.Reason is not null);
        _metrics.SessionsChanged(_sessions.Count - closing, closing);
    }

    private sealed class Entry(SessionInfo info, IActorRef session, long sequence)
    {
        public SessionInfo Info { get; } = info;

        public IActorRef Ref { get; } = session;

        public long Sequence { get; } = sequence;

        public DisconnectReason? Reason { get; set; }
    }
}
