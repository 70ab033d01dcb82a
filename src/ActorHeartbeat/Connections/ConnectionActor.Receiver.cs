using System.Net.Sockets;
using System.Runtime.CompilerServices;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Transport;
using static ActorHeartbeat.Connections.SocketSignals;

namespace ActorHeartbeat.Connections;

/// <summary>The receive side: one pending receive at a time, its outcome brought back as a message.</summary>
internal sealed partial class ConnectionActor
{
    /// <summary>
    /// Brings each completed receive back to the actor through one cached continuation, so a message
    /// costs no task, state machine or closure of its own (only the message to the actor). Results that
    /// arrive after the gate closed are dropped, as <see cref="IOGate"/> does.
    /// </summary>
    private sealed class Receiver
    {
        private readonly IWebSocketConnection _connection;
        private readonly int _maxMessageSize;
        private readonly IOGate _gate;
        private readonly IActorRef _self;
        private readonly Action _completed;
        private readonly Action _readable;
        private ConfiguredValueTaskAwaitable<InboundMessage>.ConfiguredValueTaskAwaiter _awaiter;
        private ConfiguredValueTaskAwaitable<int>.ConfiguredValueTaskAwaiter _wait;

        public Receiver(IWebSocketConnection connection, int maxMessageSize, IOGate gate, IActorRef self)
        {
            _connection = connection;
            _maxMessageSize = maxMessageSize;
            _gate = gate;
            _self = self;
            _completed = OnCompleted;
            _readable = OnReadable;
        }

        /// <summary>
        /// Starts the next receive; call again only after its outcome was delivered. Where the connection
        /// can wait for readability first (<see cref="IReadinessSource"/>), it does, so that nothing of the
        /// receive exists while the peer is quiet.
        /// </summary>
        public void Next()
        {
            if (_connection is IReadinessSource readiness)
            {
                var wait = readiness.WaitUntilReadableAsync().ConfigureAwait(false).GetAwaiter();
                if (!wait.IsCompleted)
                {
                    _wait = wait;
                    wait.UnsafeOnCompleted(_readable);
                    return;
                }

                Settle(wait);
            }

            Receive();
        }

        /// <summary>
        /// A failed wait needs no handling of its own: the receive that follows meets the same broken
        /// socket and reports it, classified like any receive failure.
        /// </summary>
        private static void Settle(ConfiguredValueTaskAwaitable<int>.ConfiguredValueTaskAwaiter wait)
        {
            try
            {
                wait.GetResult();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }

        private void OnReadable()
        {
            var wait = _wait;
            _wait = default;
            Settle(wait);
            if (!_gate.IsClosed)
            {
                Receive();
            }
        }

        private void Receive()
        {
            var awaiter = _connection.ReceiveAsync(_maxMessageSize, CancellationToken.None).ConfigureAwait(false).GetAwaiter();
            if (awaiter.IsCompleted)
            {
                Deliver(awaiter);
                return;
            }

            _awaiter = awaiter;
            awaiter.UnsafeOnCompleted(_completed);
        }

        private void OnCompleted()
        {
            var awaiter = _awaiter;
            _awaiter = default;
            Deliver(awaiter);
        }

        private void Deliver(ConfiguredValueTaskAwaitable<InboundMessage>.ConfiguredValueTaskAwaiter awaiter)
        {
            if (_gate.IsClosed)
            {
                // Nobody wants the outcome any more; not asking for it spares the exception an aborted
                // receive would throw (thousands at once when a peer with many connections freezes).
                return;
            }

            object message;
            try
            {
                message = new Received(awaiter.GetResult());
            }
            catch (Exception e)
            {
                message = new ReceiveFailed(e);
            }

            _self.Tell(message, _self);
        }
    }
}
