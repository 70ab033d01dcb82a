using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Connections;

/// <summary>
/// Owns one WebSocket for one connection attempt: connects (bounded by connect-timeout), runs the
/// heartbeat (<see cref="HeartbeatMonitor"/>) on its own timers, receives one message at a time,
/// sends one at a time, and ends with a <see cref="DisconnectReason"/>. It reports to its parent:
/// up, every application message, round trips, and down — the moment a failure is detected, before
/// the close handshake (bounded by close-timeout, then abort). It never outlives its socket, tasks or
/// timers. Its supervisor creates a new one for each attempt.
/// </summary>
internal sealed partial class ConnectionActor : ActorBase, IWithTimers, IHeartbeatHost
{
    private const string ConnectTimeoutKey = "connect-timeout";
    private const string CloseTimeoutKey = "close-timeout";

    private readonly ConnectionSettings _settings;
    private readonly IWebSocketTransport _transport;
    private readonly IRandomSource _random;
    private readonly IActorRef _registry;
    private readonly HeartbeatMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly Queue<OutboundMessage> _outbound = new();
    private readonly IOGate _gate = new();
    private ConnectAttempt? _attempt;
    private IWebSocketConnection? _connection;
    private IWebSocketConnection? _claimed;
    private HeartbeatMonitor? _monitor;
    private Receiver? _receiver;
    private Phase _phase;
    private bool _sending;
    private bool _reportedDown;
    private bool _wasUp;
    private bool _downSeen;
    private bool _closed;

    public ConnectionActor(ConnectionSettings settings, IWebSocketTransport transport, IRandomSource random, IActorRef registry, HeartbeatMetrics metrics)
    {
        _settings = settings;
        _transport = transport;
        _random = random;
        _registry = registry;
        _metrics = metrics;
        _time = Context.System.TimeProvider;
        _epoch = _time.GetTimestamp();
    }

    /// <summary>The behaviour the actor is in; messages are dispatched by a switch (no handler objects per actor).</summary>
    private enum Phase
    {
        Connecting,
        Up,
        Closing,
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Props for one attempt; round trips go straight to <paramref name="registry"/> (one hop on the hot
    /// path), pings are counted in <paramref name="metrics"/> without a message.
    /// </summary>
    public static Props Props(ConnectionSettings settings, IWebSocketTransport transport, IRandomSource random, IActorRef registry, HeartbeatMetrics metrics) =>
        Actors.Props.Create(() => new ConnectionActor(settings, transport, random, registry, metrics));

    private TimeSpan Now => _time.GetElapsedTime(_epoch);

    protected override void PreStart()
    {
        var request = new ConnectRequest(
            _settings.Url,
            _settings.Headers,
            _settings.Subprotocols,
            _settings.Keepalive?.Interval,
            _settings.Keepalive?.Timeout)
        {
            MaxMessageSize = _settings.MaxMessageSize,
        };
        _attempt = new ConnectAttempt();
        Timers.StartSingleTimer(ConnectTimeoutKey, ConnectTimedOut.Instance, _settings.ConnectTimeout);
        var attempt = _attempt;
        var self = Self;
        _transport.ConnectAsync(request, attempt.Cancellation.Token).ContinueWith(
            task => attempt.Complete(task, self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    protected override void PostStop()
    {
        _gate.Close();
        _attempt?.Abandon();
        _attempt?.DisposeUnclaimed(_claimed);
        if (_connection is { } connection)
        {
            connection.Abort();
            connection.Dispose();
            _connection = null;
        }

        if (!_reportedDown)
        {
            // Stopped from outside without a reason (its parent is stopping): still say so.
            _reportedDown = true;
            Context.Parent.Tell(new ConnectionDown(DisconnectReason.Shutdown, "stopped", [.. _outbound]), Self);
        }
    }

    /// <inheritdoc />
    protected override bool Receive(object message) => _phase switch
    {
        Phase.Connecting => Connecting(message),
        Phase.Up => Up(message),
        _ => Closing(message),
    };

    private bool Connecting(object message)
    {
        switch (message)
        {
            case Connected connected:
                OnConnected(connected);
                return true;
            case ConnectFailed f:
                Fail(DisconnectReason.ConnectFailed, TransportErrors.Describe(f.Error));
                return true;
            case ConnectTimedOut:
                _attempt?.Abandon();
                Fail(DisconnectReason.ConnectTimeout, $"no connection within {_settings.ConnectTimeout.TotalMilliseconds:0} ms");
                return true;
            case SendOnConnection s:
                _outbound.Enqueue(s.Message);
                return true;
            case CloseConnection c:
                _attempt?.Abandon();
                Fail(c.Reason, "closed before the connection was up");
                return true;
            default:
                return false;
        }
    }

    private void OnConnected(Connected connected)
    {
        Timers.Cancel(ConnectTimeoutKey);
        _connection = _claimed = connected.Connection;
        _wasUp = true;
        _monitor = new HeartbeatMonitor(_settings.Heartbeat);
        _phase = Phase.Up;

        // on-connect messages go first, before anything queued or buffered.
        var queued = _outbound.ToArray();
        _outbound.Clear();
        foreach (var text in _settings.OnConnect)
        {
            _outbound.Enqueue(OutboundMessage.OfText(text));
        }

        foreach (var message in queued)
        {
            _outbound.Enqueue(message);
        }

        Context.Parent.Tell(new ConnectionUp(_connection.SubProtocol), Self);
        Apply(_monitor.Connected(Now, _random.NextDouble()));
        PumpSends();
        ReceiveNext();
    }

    /// <summary>Reports the failure first, then closes (or stops at once when there is nothing to close).</summary>
    private void Fail(DisconnectReason reason, string detail)
    {
        if (!_reportedDown)
        {
            _reportedDown = true;
            var unsent = _outbound.ToArray();
            _outbound.Clear();
            Context.Parent.Tell(new ConnectionDown(reason, detail, unsent), Self);
        }

        BeginClose(reason);
    }

    private sealed record Connected(IWebSocketConnection Connection);

    private sealed record ConnectFailed(Exception Error);

    private sealed record ConnectTimedOut
    {
        public static ConnectTimedOut Instance { get; } = new();
    }

    /// <summary>
    /// The outcome of the connect task, handed over exactly once: to the actor, or — when the actor
    /// gave up on it first (timeout, close, stop) — disposed here, so a late socket never leaks.
    /// </summary>
    private sealed class ConnectAttempt
    {
        private const int Pending = 0;
        private const int Delivered = 1;
        private const int Abandoned = 2;
        private int _state;
        private IWebSocketConnection? _delivered;

        public CancellationTokenSource Cancellation { get; } = new();

        public void Complete(Task<IWebSocketConnection> task, IActorRef self)
        {
            if (task.IsCompletedSuccessfully)
            {
                _delivered = task.Result;
                if (Interlocked.CompareExchange(ref _state, Delivered, Pending) == Pending)
                {
                    self.Tell(new Connected(task.Result));
                }
                else
                {
                    Discard(task.Result);
                }

                return;
            }

            if (Interlocked.CompareExchange(ref _state, Delivered, Pending) == Pending)
            {
                self.Tell(new ConnectFailed(task.Exception?.GetBaseException() ?? new OperationCanceledException("The connect was cancelled.")));
            }
        }

        public void Abandon()
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Pending) == Pending)
            {
                Cancellation.Cancel();
            }
        }

        /// <summary>A connection delivered to a mailbox the actor never read (it stopped first).</summary>
        public void DisposeUnclaimed(IWebSocketConnection? claimed)
        {
            if (_delivered is { } delivered && !ReferenceEquals(delivered, claimed))
            {
                Discard(delivered);
            }
        }

        private static void Discard(IWebSocketConnection connection)
        {
            connection.Abort();
            connection.Dispose();
        }
    }
}
