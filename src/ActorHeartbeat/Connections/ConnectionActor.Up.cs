using System.Net.WebSockets;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Transport;
using static ActorHeartbeat.Connections.SocketSignals;

namespace ActorHeartbeat.Connections;

/// <summary>The up state: receive, send, heartbeat decisions.</summary>
internal sealed partial class ConnectionActor
{
    private bool Up(object message)
    {
        switch (message)
        {
            case Received r:
                OnReceived(r.Message);
                return true;
            case HeartbeatTick:
                Apply(_monitor!.Tick(Now, _time.GetUtcNow().ToUnixTimeMilliseconds()));
                return true;
            case PongDeadline d:
                Apply(_monitor!.PongDeadlineElapsed(d.Sequence, Now, _connection?.HasPendingInput == true));
                return true;
            case ReceiveFailed f:
                Fail(TransportErrors.Classify(f.Error), TransportErrors.Describe(f.Error));
                return true;
            case SendOnConnection s:
                _outbound.Enqueue(s.Message);
                PumpSends();
                return true;
            case SendDone:
                _sending = false;
                PumpSends();
                return true;
            case SendFailed f:
                Fail(TransportErrors.Classify(f.Error), TransportErrors.Describe(f.Error));
                return true;
            case IdleCheck:
                Apply(_monitor!.IdleCheckElapsed(Now));
                return true;
            case CloseConnection c:
                Fail(c.Reason, "closed by request");
                return true;
            default:
                return false;
        }
    }

    private void ReceiveNext() => (_receiver ??= new Receiver(_connection!, _settings.MaxMessageSize, _gate, Self)).Next();

    private void OnReceived(InboundMessage message)
    {
        switch (message.Kind)
        {
            case InboundKind.Text:
                var decisions = _monitor!.TextReceived(message.Text!, Now, out var consumed);
                if (!consumed)
                {
                    Context.Parent.Tell(new ConnectionInbound(message), Self);
                }

                Apply(decisions);
                break;
            case InboundKind.Binary:
                Context.Parent.Tell(new ConnectionInbound(message), Self);
                Apply(_monitor!.BinaryReceived(Now));
                break;
            case InboundKind.Close:
                Fail(DisconnectReason.ClosedByPeer, $"the peer closed with {(int?)message.CloseStatus ?? 1005} {message.CloseDescription}".TrimEnd());
                return;
            case InboundKind.TooBig:
                Fail(DisconnectReason.MessageTooBig, $"an inbound message exceeded {_settings.MaxMessageSize} bytes");
                return;
        }

        if (!_monitor!.IsDead && _connection is not null && !_gate.IsClosed && !_reportedDown)
        {
            ReceiveNext();
        }
    }

    private void Apply(IReadOnlyList<HeartbeatDecision> decisions) => HeartbeatDecisions.Apply(decisions, Timers, this);

    void IHeartbeatHost.SendHeartbeat(OutboundMessage message, bool isPing)
    {
        SendFirst(message);
        if (isPing)
        {
            _metrics.PingSent(_settings.Id);
        }
    }

    void IHeartbeatHost.RoundTripMeasured(TimeSpan roundTrip) =>
        _registry.Tell(new LivenessRegistry.RoundTripSampled(_settings.Id, roundTrip, _time.GetUtcNow()));

    void IHeartbeatHost.DeclareDead(DisconnectReason reason, string detail) => Fail(reason, detail);

    /// <summary>Heartbeat traffic jumps the queue: a backlog of application sends must not delay a ping.</summary>
    private void SendFirst(OutboundMessage message)
    {
        if (_outbound.Count == 0)
        {
            _outbound.Enqueue(message);
        }
        else
        {
            var rest = _outbound.ToArray();
            _outbound.Clear();
            _outbound.Enqueue(message);
            foreach (var m in rest)
            {
                _outbound.Enqueue(m);
            }
        }

        PumpSends();
    }

    private void PumpSends()
    {
        while (!_sending && _connection is not null && !_reportedDown && _outbound.TryDequeue(out var next))
        {
            _sending = !SocketWrites.WriteNow(_connection, next, _gate, Self);
        }
    }

    private void BeginClose(DisconnectReason reason)
    {
        Timers.CancelAll();
        if (_connection is not { } connection)
        {
            Context.Stop(Self);
            return;
        }

        _phase = Phase.Closing;
        var status = CloseStatusFor(reason);
        if (status is null)
        {
            FinishClose(abort: true);
            return;
        }

        Timers.StartSingleTimer(CloseTimeoutKey, CloseTimedOut.Instance, _settings.CloseTimeout);
        var closing = connection.CloseAsync(status.Value, reason.ToKebab(), CancellationToken.None);
        _gate.Pipe(new ValueTask(closing), Self, CloseDone.Instance, static _ => CloseDone.Instance);
    }

    /// <summary>
    /// Reported down, closing the socket. The supervisor may still forward sends it made before it saw the
    /// down: they go back to it. The actor stops once the socket is closed and — since it had been up —
    /// the supervisor confirmed with <see cref="DownSeen"/> that nothing more comes; stopping earlier would
    /// turn such a send into a dead letter, lost without a word.
    /// </summary>
    private bool Closing(object message)
    {
        switch (message)
        {
            case CloseDone:
                FinishClose(abort: false);
                break;
            case CloseTimedOut:
                FinishClose(abort: true);
                break;
            case SendOnConnection s:
                Context.Parent.Tell(new SendReturned(s.Message), Self);
                break;
            case DownSeen:
                _downSeen = true;
                StopWhenDone();
                break;
        }

        return true;
    }

    private void FinishClose(bool abort)
    {
        _gate.Close();
        if (_connection is { } connection)
        {
            if (abort)
            {
                connection.Abort();
            }

            connection.Dispose();
            _connection = null;
        }

        _closed = true;
        StopWhenDone();
    }

    private void StopWhenDone()
    {
        if (_closed && (_downSeen || !_wasUp))
        {
            Context.Stop(Self);
        }
    }

    /// <summary>The close code to send, or null when the socket is already broken and only an abort makes sense.</summary>
    private static WebSocketCloseStatus? CloseStatusFor(DisconnectReason reason) => reason switch
    {
        DisconnectReason.ClosedByPeer => WebSocketCloseStatus.NormalClosure,
        DisconnectReason.MessageTooBig => WebSocketCloseStatus.MessageTooBig,
        DisconnectReason.ProtocolError => WebSocketCloseStatus.ProtocolError,
        DisconnectReason.Removed or DisconnectReason.Shutdown => WebSocketCloseStatus.EndpointUnavailable,
        DisconnectReason.HeartbeatTimeout or DisconnectReason.IdleTimeout => WebSocketCloseStatus.InternalServerError,
        _ => null,
    };
}
