using System.Net.WebSockets;
using ActorHeartbeat.Core;
using static ActorHeartbeat.Connections.SocketSignals;

namespace ActorHeartbeat.Server.Sessions;

/// <summary>Ending a session: report first, then the close handshake, then stop.</summary>
internal sealed partial class SessionActor
{
    /// <summary>Reports the failure at once, then closes (or stops at once when there is nothing to close).</summary>
    private void Fail(DisconnectReason reason, string detail, int alsoDropped = 0)
    {
        if (_reportedDown)
        {
            return;
        }

        _reportedDown = true;
        Context.Parent.Tell(new SessionDown(reason, detail, Unwritten() + alsoDropped), Self);
        BeginClose(reason);
    }

    private void BeginClose(DisconnectReason reason)
    {
        Timers.CancelAll();
        if (_connection is not { } connection)
        {
            Context.Stop(Self);
            return;
        }

        Become(Closing);
        if (CloseStatusFor(reason) is not { } status)
        {
            FinishClose(abort: true);
            return;
        }

        Timers.StartSingleTimer(CloseTimeoutKey, CloseTimedOut.Instance, _settings.CloseTimeout);
        Task closing;
        try
        {
            closing = connection.CloseAsync(status, reason.ToKebab(), CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            closing = Task.CompletedTask;
        }

        _gate.Pipe(new ValueTask(closing), Self, CloseDone.Instance, static _ => CloseDone.Instance);
    }

    /// <summary>Reported down, closing the socket. Messages that still arrive are counted as dropped.</summary>
    private void Closing()
    {
        Receive<CloseDone>(_ => FinishClose(abort: false));
        Receive<CloseTimedOut>(_ => FinishClose(abort: true));
        Receive<SessionSend>(_ => Context.Parent.Tell(new SessionDropped(1), Self));
        ReceiveAny(_ => { });
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

        Context.Stop(Self);
    }

    /// <summary>The close code to send, or null when the socket is broken and only an abort makes sense.</summary>
    private static WebSocketCloseStatus? CloseStatusFor(DisconnectReason reason) => reason switch
    {
        DisconnectReason.ClosedByPeer or DisconnectReason.DisconnectedByServer or DisconnectReason.Removed => WebSocketCloseStatus.NormalClosure,
        DisconnectReason.Shutdown => WebSocketCloseStatus.EndpointUnavailable,
        DisconnectReason.MessageTooBig => WebSocketCloseStatus.MessageTooBig,
        DisconnectReason.ProtocolError => WebSocketCloseStatus.ProtocolError,
        DisconnectReason.HeartbeatTimeout or DisconnectReason.IdleTimeout or DisconnectReason.SlowConsumer => WebSocketCloseStatus.PolicyViolation,
        _ => null,
    };
}
