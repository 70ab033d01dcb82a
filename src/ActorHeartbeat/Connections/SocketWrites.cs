using ActorHeartbeat.Actors;
using static ActorHeartbeat.Connections.SocketSignals;

namespace ActorHeartbeat.Connections;

/// <summary>Writing one message on an actor's WebSocket — the same for client connections and server sessions.</summary>
internal static class SocketWrites
{
    /// <summary>
    /// Starts writing <paramref name="message"/>. True when the write completed at once (the usual case:
    /// the caller goes on with its next message in the same turn); false when it is pending, and
    /// <see cref="SendDone"/> or <see cref="SendFailed"/> then arrives at <paramref name="self"/> through
    /// <paramref name="gate"/>. A write that failed at once throws, as its task would.
    /// </summary>
    public static bool WriteNow(Transport.IWebSocketConnection connection, OutboundMessage message, IOGate gate, IActorRef self)
    {
        var send = message.IsText
            ? connection.SendTextAsync(message.Text!, CancellationToken.None)
            : connection.SendBinaryAsync(message.Binary, CancellationToken.None);
        if (send.IsCompletedSuccessfully)
        {
            send.GetAwaiter().GetResult();
            return true;
        }

        gate.Pipe(send, self, SendDone.Instance, static e => new SendFailed(e));
        return false;
    }
}
