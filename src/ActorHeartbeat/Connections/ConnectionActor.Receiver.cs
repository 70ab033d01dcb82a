using System.Runtime.CompilerServices;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Transport;

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
        private ConfiguredValueTaskAwaitable<InboundMessage>.ConfiguredValueTaskAwaiter _awaiter;

        public Receiver(IWebSocketConnection connection, int maxMessageSize, IOGate gate, IActorRef self)
        {
            _connection = connection;
            _maxMessageSize = maxMessageSize;
            _gate = gate;
            _self = self;
            _completed = OnCompleted;
        }

        /// <summary>Starts the next receive; call again only after its outcome was delivered.</summary>
        public void Next()
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
            object message;
            try
            {
                message = new Received(awaiter.GetResult());
            }
            catch (Exception e)
            {
                message = new ReceiveFailed(e);
            }

            if (!_gate.IsClosed)
            {
                _self.Tell(message, _self);
            }
        }
    }
}
