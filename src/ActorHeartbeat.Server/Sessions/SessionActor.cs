using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;
using static ActorHeartbeat.Connections.SocketSignals;

namespace ActorHeartbeat.Server.Sessions;

/// <summary>
/// Owns one accepted WebSocket: receives one message at a time, writes one at a time from a bounded
/// queue, runs the server's heartbeat (<see cref="HeartbeatMonitor"/>: pings with pong deadlines, the
/// idle timeout, answers to the client's pings) on its own timers, and ends with a
/// <see cref="DisconnectReason"/>. The reason goes to the supervisor the moment the failure is detected;
/// the close handshake follows (bounded by close-timeout, then abort), then the actor stops. It is never
/// restarted, and completes <c>completion</c> when it has stopped (the HTTP request ends then).
/// </summary>
internal sealed partial class SessionActor : ReceiveActor, IWithTimers, IHeartbeatHost
{
    private const string CloseTimeoutKey = "close-timeout";

    private readonly string _id;
    private readonly ServerSettings _settings;
    private readonly IRandomSource _random;
    private readonly ServerMetrics _metrics;
    private readonly TaskCompletionSource _completion;
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly HeartbeatMonitor _monitor;
    private readonly Queue<OutboundMessage> _control = new();
    private readonly Queue<OutboundMessage> _outbound = new();
    private readonly IOGate _gate = new();
    private IWebSocketConnection? _connection;
    private bool _sending;
    private bool _reportedDown;

    public SessionActor(string id, IWebSocketConnection connection, ServerSettings settings, IRandomSource random, ServerMetrics metrics, TaskCompletionSource completion)
    {
        _id = id;
        _connection = connection;
        _settings = settings;
        _random = random;
        _metrics = metrics;
        _completion = completion;
        _time = Context.System.TimeProvider;
        _epoch = _time.GetTimestamp();
        _monitor = new HeartbeatMonitor(settings.Heartbeat);
        Up();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Now => _time.GetElapsedTime(_epoch);

    public static Props Props(string id, IWebSocketConnection connection, ServerSettings settings, IRandomSource random, ServerMetrics metrics, TaskCompletionSource completion) =>
        Actors.Props.Create(() => new SessionActor(id, connection, settings, random, metrics, completion));

    protected override void PreStart()
    {
        Apply(_monitor.Connected(Now, _random.NextDouble()));
        if (!_reportedDown)
        {
            ReceiveNext();
        }
    }

    protected override void PostStop()
    {
        _gate.Close();
        if (_connection is { } connection)
        {
            connection.Abort();
            connection.Dispose();
            _connection = null;
        }

        if (!_reportedDown)
        {
            // Stopped from outside without a reason (the server or the actor system is stopping).
            _reportedDown = true;
            Context.Parent.Tell(new SessionDown(DisconnectReason.Shutdown, "the session was stopped", Unwritten()), Self);
        }

        _completion.TrySetResult();
    }

    private void Up()
    {
        Receive<Received>(r => OnReceived(r.Message));
        Receive<ReceiveFailed>(f => Fail(TransportErrors.Classify(f.Error), TransportErrors.Describe(f.Error)));
        Receive<SessionSend>(s => Enqueue(s.Message));
        Receive<SendDone>(_ =>
        {
            _sending = false;
            PumpSends();
        });
        Receive<SendFailed>(f => Fail(TransportErrors.Classify(f.Error), TransportErrors.Describe(f.Error)));
        Receive<HeartbeatTick>(_ => Apply(_monitor.Tick(Now, _time.GetUtcNow().ToUnixTimeMilliseconds())));
        Receive<PongDeadline>(d => Apply(_monitor.PongDeadlineElapsed(d.Sequence, Now, _connection?.HasPendingInput == true)));
        Receive<IdleCheck>(_ => Apply(_monitor.IdleCheckElapsed(Now)));
        Receive<SessionClose>(c => Fail(c.Reason, c.Detail));
    }

    /// <summary>An application message: queued, or — when the queue is full — the client is too slow and is disconnected.</summary>
    private void Enqueue(OutboundMessage message)
    {
        if (_outbound.Count >= _settings.SendQueueCapacity)
        {
            // The message that did not fit is lost with the queue: counted in the down report.
            Fail(DisconnectReason.SlowConsumer, $"the client did not keep up: {_settings.SendQueueCapacity} messages were waiting to be written", alsoDropped: 1);
            return;
        }

        _outbound.Enqueue(message);
        PumpSends();
    }

    private void ReceiveNext() =>
        _gate.Pipe(
            _connection!.ReceiveAsync(_settings.MaxMessageSize, CancellationToken.None),
            Self,
            static m => new Received(m),
            static e => new ReceiveFailed(e));

    private void OnReceived(InboundMessage message)
    {
        switch (message.Kind)
        {
            case InboundKind.Text:
                var decisions = _monitor.TextReceived(message.Text!, Now, out var consumed);
                if (!consumed)
                {
                    Context.Parent.Tell(new SessionInbound(message), Self);
                }

                Apply(decisions);
                break;
            case InboundKind.Binary:
                Context.Parent.Tell(new SessionInbound(message), Self);
                Apply(_monitor.BinaryReceived(Now));
                break;
            case InboundKind.Close:
                Fail(DisconnectReason.ClosedByPeer, $"the client closed with {(int?)message.CloseStatus ?? 1005} {message.CloseDescription}".TrimEnd());
                return;
            case InboundKind.TooBig:
                Fail(DisconnectReason.MessageTooBig, $"a message from the client exceeded {_settings.MaxMessageSize} bytes");
                return;
        }

        if (!_reportedDown && _connection is not null)
        {
            ReceiveNext();
        }
    }

    private void Apply(IReadOnlyList<HeartbeatDecision> decisions) => HeartbeatDecisions.Apply(decisions, Timers, this);

    void IHeartbeatHost.SendHeartbeat(OutboundMessage message, bool isPing)
    {
        SendControl(message);
        if (isPing)
        {
            _metrics.PingSent();
        }
    }

    void IHeartbeatHost.RoundTripMeasured(TimeSpan roundTrip)
    {
        _metrics.RoundTrip(roundTrip);
        Context.Parent.Tell(new SessionRoundTrip(roundTrip, _time.GetUtcNow()), Self);
    }

    void IHeartbeatHost.DeclareDead(DisconnectReason reason, string detail) => Fail(reason, detail);

    /// <summary>Heartbeat traffic goes before queued application messages and does not count against the queue.</summary>
    private void SendControl(OutboundMessage message)
    {
        _control.Enqueue(message);
        PumpSends();
    }

    private void PumpSends()
    {
        while (!_sending && _connection is not null && !_reportedDown &&
               (_control.TryDequeue(out var next) || _outbound.TryDequeue(out next)))
        {
            _sending = !SocketWrites.WriteNow(_connection, next, _gate, Self);
        }
    }

    private int Unwritten()
    {
        var count = _outbound.Count;
        _outbound.Clear();
        _control.Clear();
        return count;
    }
}
