using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks.Sources;

namespace ActorHeartbeat.Transport.Linux;

/// <summary>The receive side: reading on the loop thread, decoding, and handing messages to the one pending receive.</summary>
internal sealed partial class LoopWebSocketConnection
{
    public ValueTask<InboundMessage> ReceiveAsync(int maxMessageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, 1);
        lock (_lock)
        {
            _reader.MaxMessageSize = maxMessageSize;
            if (_receivePending)
            {
                throw new InvalidOperationException("A receive is already pending on this WebSocket.");
            }

            if (TakeInbound() is { } ready)
            {
                UpdateInterest();
                return new ValueTask<InboundMessage>(Within(ready, maxMessageSize));
            }

            if (_closeReceived)
            {
                return new ValueTask<InboundMessage>(_closeMessage);
            }

            if (_failure is not null)
            {
                return ValueTask.FromException<InboundMessage>(_failure);
            }

            _receive.Reset();
            _receivePending = true;
            var version = _receive.Version;
            if (cancellationToken.CanBeCanceled)
            {
                _receiveCancellation = cancellationToken.UnsafeRegister(static (state, token) => ((LoopWebSocketConnection)state!).CancelReceive(token), this);
            }

            return new ValueTask<InboundMessage>(this, version);
        }
    }

    private void OnReadable()
    {
        Completions completions;
        lock (_lock)
        {
            if (_phase is not (Phase.Handshaking or Phase.Open) || _ended)
            {
                return;
            }

            var buffer = _loop.ReadBuffer;
            for (var reads = 0; reads < ReadsPerWakeup && !_ended; reads++)
            {
                var count = _socket.Receive(buffer, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    break;
                }

                if (error != SocketError.Success)
                {
                    EndLocked(new SocketException((int)error));
                    break;
                }

                if (count == 0)
                {
                    EndLocked(_phase == Phase.Handshaking
                        ? new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the connection during the handshake.")
                        : _closeReceived ? null : PeerVanished());
                    break;
                }

                ReadOnlySpan<byte> bytes = buffer.AsSpan(0, count);
                if (_phase == Phase.Handshaking)
                {
                    bytes = TakeHandshakeAnswerLocked(bytes);
                }

                DecodeLocked(bytes);
                if (count < buffer.Length || ReadingPaused)
                {
                    break;
                }
            }

            UpdateInterest();
            completions = CollectLocked();
        }

        completions.Run(this);
    }

    /// <summary>A message read ahead under a larger limit than this receive's is reported as too big now.</summary>
    private static InboundMessage Within(InboundMessage message, int maxMessageSize) => message switch
    {
        { Kind: InboundKind.Binary, Binary.Length: var length } when length > maxMessageSize => InboundMessage.TooBig,
        { Kind: InboundKind.Text, Text: { } text } when text.Length > maxMessageSize ||
            (text.Length * 3L > maxMessageSize && Encoding.UTF8.GetByteCount(text) > maxMessageSize) => InboundMessage.TooBig,
        _ => message,
    };

    /// <summary>Decodes received bytes into queued messages; after a close frame or a protocol failure the rest is ignored.</summary>
    private void DecodeLocked(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && !_closeReceived && _failure is null && _phase == Phase.Open)
        {
            var result = _reader.Read(bytes, out var consumed);
            bytes = bytes[consumed..];
            switch (result.Kind)
            {
                case FrameReadKind.NeedMoreData:
                    return;
                case FrameReadKind.Text:
                    Deliver(InboundMessage.OfText(result.Text!));
                    break;
                case FrameReadKind.Binary:
                    Deliver(InboundMessage.OfBinary(result.Bytes!));
                    break;
                case FrameReadKind.TooBig:
                    Deliver(InboundMessage.TooBig);
                    break;
                case FrameReadKind.Ping:
                    if (!_closeSent)
                    {
                        QueueControlLocked(PongOpcode, result.Bytes);
                    }

                    break;
                case FrameReadKind.Pong:
                    break;
                case FrameReadKind.Close:
                    _closeReceived = true;
                    _closeMessage = InboundMessage.OfClose(result.CloseStatus, result.CloseDescription);
                    Deliver(_closeMessage);
                    break;
                case FrameReadKind.ProtocolError:
                case FrameReadKind.InvalidPayload:
                    // RFC 6455 §7.1.7: fail the connection, telling the peer why with 1002 or 1007.
                    _failure = new WebSocketException(WebSocketError.InvalidMessageType, result.Error);
                    if (!_closeSent)
                    {
                        QueueCloseLocked(result.Kind == FrameReadKind.ProtocolError ? WebSocketCloseStatus.ProtocolError : WebSocketCloseStatus.InvalidPayloadData, null);
                    }

                    return;
            }
        }
    }

    private void Deliver(InboundMessage message)
    {
        if (_receivePending && _handoff is null && _inbound is null)
        {
            _handoff = message;
        }
        else
        {
            (_inbound ??= new Queue<InboundMessage>(4)).Enqueue(message);
        }
    }

    private InboundMessage? TakeInbound()
    {
        if (_handoff is { } first)
        {
            _handoff = null;
            return first;
        }

        if (_inbound is not { } queue)
        {
            return null;
        }

        var next = queue.Dequeue();
        if (queue.Count == 0)
        {
            // Heartbeats come one at a time: an idle connection keeps no queue.
            _inbound = null;
        }

        return next;
    }

    private void CancelReceive(CancellationToken token)
    {
        Completions completions = default;
        lock (_lock)
        {
            if (_receivePending)
            {
                _receivePending = false;
                completions.ReceiveError = new OperationCanceledException(token);
            }
        }

        completions.Run(this);
    }

    InboundMessage IValueTaskSource<InboundMessage>.GetResult(short token) => _receive.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<InboundMessage>.GetStatus(short token) => _receive.GetStatus(token);

    void IValueTaskSource<InboundMessage>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _receive.OnCompleted(continuation, state, token, flags);
}
