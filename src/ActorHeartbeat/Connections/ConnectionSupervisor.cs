using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Connections;

/// <summary>
/// Supervises one connection across its attempts: starts a <see cref="ConnectionActor"/> per attempt,
/// waits <see cref="BackoffPolicy.DelayAfter"/> after each failure (reconnects pass the global
/// <see cref="ReconnectLimiter"/>), resets the failure count once a connection stayed up for
/// reset-after, and gives up after max-retries. Sends made while the connection is not up wait in a
/// bounded <see cref="SendBuffer{T}"/> that lives here, so it survives reconnects; a send that cannot be
/// kept is answered with <see cref="SendRejected"/> or counted as dropped. Every transition goes to
/// the registry; application messages go to the parent (the manager).
/// </summary>
internal sealed class ConnectionSupervisor : ActorBase, IWithTimers
{
    private const string ReconnectKey = "reconnect";
    private const string StableKey = "stable";

    private readonly ConnectionSettings _settings;
    private readonly IWebSocketTransport _transport;
    private readonly IActorRef _registry;
    private readonly HeartbeatMetrics _metrics;
    private readonly IActorRef? _limiter;
    private readonly IRandomSource _random;
    private readonly SendBuffer<PendingSend> _buffer;
    private IActorRef? _connection;
    private int _attempt;
    private int _failuresInARow;
    private int _upGeneration;
    private bool _up;
    private bool _stopping;

    public ConnectionSupervisor(ConnectionSettings settings, IWebSocketTransport transport, IActorRef registry, HeartbeatMetrics metrics, IActorRef? limiter, IRandomSource random)
    {
        _settings = settings;
        _transport = transport;
        _registry = registry;
        _metrics = metrics;
        _limiter = limiter;
        _random = random;
        _buffer = new SendBuffer<PendingSend>(settings.SendBufferCapacity, settings.SendBufferOverflow);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ConnectionSettings settings, IWebSocketTransport transport, IActorRef registry, HeartbeatMetrics metrics, IActorRef? limiter, IRandomSource random) =>
        Actors.Props.Create(() => new ConnectionSupervisor(settings, transport, registry, metrics, limiter, random))
            .WithSupervisorStrategy(Actors.Supervision.SupervisorStrategy.StoppingStrategy);

    private DateTimeOffset Wall => Context.System.TimeProvider.GetUtcNow();

    protected override void PreStart() => StartAttempt();

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ConnectionInbound m:
                if (IsCurrent())
                {
                    Context.Parent.Tell(new InboundReceived(_settings.Id, m.Message));
                }

                return true;
            case ConnectionUp up:
                if (IsCurrent())
                {
                    OnUp(up);
                }

                return true;
            case ConnectionDown down:
                if (IsCurrent())
                {
                    OnDown(down);
                }

                return true;
            case SendCommand s:
                if (Send(new PendingSend(s.Message, Sender)) && s.Acknowledge)
                {
                    Sender.Tell(new SendAccepted(_settings.Id, s.Message), Self);
                }

                return true;
            case Terminated terminated:
                OnTerminated(terminated);
                return true;
            case Reconnect:
                RequestAttempt();
                return true;
            case ReconnectLimiter.Permit:
                StartAttempt();
                return true;
            case StableFor stable:
                if (_up && stable.Generation == _upGeneration)
                {
                    _failuresInARow = 0;
                }

                return true;
            case SendReturned r:
                // From a former attempt (not current): a send it got after its down. Its sender is not known any
                // more, so a later refusal is counted as dropped. It goes behind sends made since the down was seen.
                Send(new PendingSend(r.Message, null));
                return true;
            case StopConnection stop:
                StopGracefully(stop.Reason);
                return true;
            default:
                return false;
        }
    }

    private bool IsCurrent() => _connection is not null && _connection.Equals(Sender);

    private void RequestAttempt()
    {
        if (_limiter is null)
        {
            StartAttempt();
        }
        else
        {
            _limiter.Tell(ReconnectLimiter.RequestPermit.Instance, Self);
        }
    }

    private void StartAttempt()
    {
        if (_stopping || _connection is not null)
        {
            return;
        }

        _attempt++;
        Report(ConnectionEventKind.Connecting, attempt: _attempt);
        _connection = Context.Watch(Context.ActorOf(ConnectionActor.Props(_settings, _transport, _random, _registry, _metrics), $"attempt-{_attempt}"));
    }

    private void OnUp(ConnectionUp up)
    {
        _up = true;
        _upGeneration++;
        Report(ConnectionEventKind.Up, attempt: _attempt);
        foreach (var pending in _buffer.DrainAll())
        {
            _connection!.Tell(new SendOnConnection(pending.Message), Self);
        }

        Timers.StartSingleTimer(StableKey, new StableFor(_upGeneration), _settings.Backoff.ResetAfter);
    }

    private void OnDown(ConnectionDown down)
    {
        if (_up)
        {
            // Sends forwarded before this down was seen may still reach it; it returns them, and stops
            // only after this confirms that no more come.
            _connection!.Tell(DownSeen.Instance, Self);
        }

        _up = false;
        Timers.Cancel(StableKey);
        _connection = null;
        Report(ConnectionEventKind.Down, reason: down.Reason, detail: down.Detail);
        var unsent = down.Unsent.Select(m => new PendingSend(m, null)).ToList();
        if (_stopping)
        {
            unsent.ForEach(p => Refuse(p, "the connection closed before it could be sent"));
            return;
        }

        foreach (var refused in _buffer.ReturnToFront(unsent))
        {
            Refuse(refused, "the send buffer is full");
        }

        _failuresInARow++;
        if (_settings.Backoff.HasGivenUp(_failuresInARow))
        {
            Report(ConnectionEventKind.GaveUp, reason: down.Reason, detail: $"{_failuresInARow} failures in a row");
            RefuseAll("the connection gave up");
            _stopping = true;
            Context.Stop(Self);
            return;
        }

        var delay = _settings.Backoff.DelayAfter(_failuresInARow, _random.NextDouble());
        Report(ConnectionEventKind.Backoff, attempt: _attempt + 1, delay: delay);
        Timers.StartSingleTimer(ReconnectKey, Reconnect.Instance, delay);
    }

    private void OnTerminated(Terminated terminated)
    {
        if (_stopping && Context.Children.Count == 0)
        {
            Context.Stop(Self);
        }
    }

    /// <summary>Hands the send to the connection or buffers it; false when it was refused (and answered so).</summary>
    private bool Send(PendingSend pending)
    {
        if (_stopping)
        {
            Refuse(pending, "the connection is being removed");
            return false;
        }

        if (_up && _connection is not null)
        {
            _connection.Tell(new SendOnConnection(pending.Message), Self);
            return true;
        }

        if (!_buffer.TryAdd(pending, out var dropped))
        {
            Refuse(pending, $"the send buffer is full ({_buffer.Capacity} messages) and the connection is not up");
            return false;
        }

        if (dropped is not null)
        {
            _metrics.SendDropped(_settings.Id);
        }

        return true;
    }

    private void StopGracefully(DisconnectReason reason)
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Timers.CancelAll();
        RefuseAll(reason == DisconnectReason.Removed ? "the connection was removed" : "the service is shutting down");
        if (reason == DisconnectReason.Removed)
        {
            Report(ConnectionEventKind.Removed, reason: reason);
        }

        if (_connection is { } connection)
        {
            connection.Tell(new CloseConnection(reason), Self);
        }

        if (Context.Children.Count == 0)
        {
            Context.Stop(Self);
        }
    }

    private void RefuseAll(string reason)
    {
        foreach (var pending in _buffer.DrainAll())
        {
            Refuse(pending, reason);
        }
    }

    private void Refuse(PendingSend pending, string reason)
    {
        if (pending.Sender is { } sender && !sender.Equals(Context.System.DeadLetters))
        {
            sender.Tell(new SendRejected(_settings.Id, pending.Message, reason), Self);
        }
        else
        {
            _metrics.SendDropped(_settings.Id);
        }
    }

    private void Report(ConnectionEventKind kind, int? attempt = null, DisconnectReason? reason = null, string? detail = null, TimeSpan? delay = null) =>
        _registry.Tell(new ConnectionEvent(Wall, _settings.Id, kind, attempt, reason, detail, null, delay));

    /// <summary>Send a message on this connection (buffered while it is not up); with <paramref name="Acknowledge"/>, answer a taken send with <see cref="SendAccepted"/>.</summary>
    internal sealed record SendCommand(OutboundMessage Message, bool Acknowledge = false);

    /// <summary>Close the connection and stop (remove or shutdown).</summary>
    internal sealed record StopConnection(DisconnectReason Reason);

    private sealed record PendingSend(OutboundMessage Message, IActorRef? Sender);

    private sealed record Reconnect
    {
        public static Reconnect Instance { get; } = new();
    }

    /// <summary>Fires reset-after once the connection is up; stale when it went down in between (other generation).</summary>
    private sealed record StableFor(int Generation);
}
