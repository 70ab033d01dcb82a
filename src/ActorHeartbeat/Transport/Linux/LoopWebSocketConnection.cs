using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks.Sources;

namespace ActorHeartbeat.Transport.Linux;

/// <summary>
/// A client WebSocket over a non-blocking TCP socket watched by a <see cref="SocketEventLoop"/>
/// (plain <c>ws://</c> on Linux). The loop reads whatever arrives as soon as it arrives, one read per
/// wake-up, and decodes it at once (<see cref="WebSocketFrameReader"/>): a message completes the
/// pending receive on the loop thread, so the connection actor handles it there; a ping is answered
/// with a pong; messages that arrive while no receive is pending wait in a small queue, and reading
/// pauses while that queue is full, so a flooding peer meets TCP backpressure instead of filling memory.
/// Sends write straight to the socket from the caller's thread; what the socket does not take at once
/// waits in order for the loop to write it when the socket drains, and the send completes then.
/// All state is guarded by one lock; completions run after it is released.
/// </summary>
internal sealed partial class LoopWebSocketConnection : IWebSocketConnection, ILoopSocket, IValueTaskSource<InboundMessage>, IValueTaskSource
{
    /// <summary>Undelivered messages at which reading pauses until the receiver catches up.</summary>
    internal const int PauseReadingAt = 32;

    private const int ReadsPerWakeup = 4;
    private const byte PongOpcode = 0x0A;

    private readonly SocketEventLoop _loop;
    private readonly Socket _socket;
    private readonly int _fd;
    private readonly Lock _lock = new();
    private readonly WebSocketFrameReader _reader;
    private ulong _registration;
    private bool _registered;
    private uint _interest;
    private Phase _phase = Phase.Created;
    private InboundMessage? _handoff;
    private Queue<InboundMessage>? _inbound;
    private Exception? _failure;
    private bool _ended;
    private bool _closeReceived;
    private InboundMessage _closeMessage;
    private bool _closeSent;
    private bool _closeFlushed;
    private TaskCompletionSource? _closeWaiter;
    private ManualResetValueTaskSourceCore<InboundMessage> _receive;
    private bool _receivePending;
    private CancellationTokenRegistration _receiveCancellation;

    private LoopWebSocketConnection(SocketEventLoop loop, Socket socket, int maxMessageSize)
    {
        _loop = loop;
        _socket = socket;
        _fd = (int)socket.Handle;
        _reader = new WebSocketFrameReader(maxMessageSize);
    }

    private enum Phase
    {
        Created,
        Connecting,
        Handshaking,
        Open,
        Closed,
    }

    public string? SubProtocol { get; private set; }

    public bool HasPendingInput
    {
        get
        {
            lock (_lock)
            {
                if (_handoff is not null || _inbound is { Count: > 0 } || _reader.HasBufferedBytes)
                {
                    return true;
                }

                try
                {
                    return _phase == Phase.Open && !_ended && _socket.Available > 0;
                }
                catch (SocketException)
                {
                    return false;
                }
            }
        }
    }

    private bool ReadingPaused => _inbound is { Count: >= PauseReadingAt };

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

    public Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        Completions completions;
        Task result;
        lock (_lock)
        {
            if (_phase != Phase.Open || _ended)
            {
                return Task.CompletedTask;
            }

            if (!_closeSent)
            {
                QueueCloseLocked(status, description);
            }

            _closeWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            result = _closeWaiter.Task;
            completions = CollectLocked();
        }

        completions.Run(this);
        return cancellationToken.CanBeCanceled ? result.WaitAsync(cancellationToken) : result;
    }

    public void Abort()
    {
        Completions completions;
        lock (_lock)
        {
            if (_phase == Phase.Closed)
            {
                return;
            }

            var opening = _phase is Phase.Created or Phase.Connecting or Phase.Handshaking;
            _phase = Phase.Closed;
            _failure ??= new WebSocketException(WebSocketError.InvalidState, "The WebSocket was aborted.");
            if (opening)
            {
                _opening?.TrySetException(_failure);
            }

            StopWatchingLocked();
            _socket.Dispose();
            ReleaseBacklogLocked();
            ReleaseHandshakeBufferLocked();
            _reader.Dispose();
            completions = CollectLocked();
        }

        completions.Run(this);
    }

    public void Dispose() => Abort();

    public void OnEvents(uint events)
    {
        if ((events & Epoll.Out) != 0 || (_phase == Phase.Connecting && (events & (Epoll.Error | Epoll.HangUp)) != 0))
        {
            OnWritable();
        }

        if ((events & (Epoll.In | Epoll.Error | Epoll.HangUp)) != 0)
        {
            OnReadable();
        }
    }

    public void OnLoopFault(Exception error)
    {
        Completions completions;
        lock (_lock)
        {
            EndLocked(error);
            completions = CollectLocked();
        }

        completions.Run(this);
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

    private static WebSocketException PeerVanished() =>
        new(WebSocketError.ConnectionClosedPrematurely, "The server closed the TCP connection without a WebSocket close frame.");

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

    /// <summary>The socket reached its end (EOF, an error, or a handler fault); it is no longer watched.</summary>
    private void EndLocked(Exception? error)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (error is not null)
        {
            _failure ??= error;
        }

        if (_phase is Phase.Connecting or Phase.Handshaking)
        {
            _opening?.TrySetException(_failure ?? PeerVanished());
        }

        StopWatchingLocked();
    }

    private void StopWatchingLocked()
    {
        if (_registered)
        {
            _registered = false;
            _loop.Unregister(_fd, _registration);
        }
    }

    private void UpdateInterest()
    {
        if (!_registered || _ended)
        {
            return;
        }

        var wanted = _phase == Phase.Connecting ? Epoll.Out : (ReadingPaused ? 0 : Epoll.In) | (_backlog is null ? 0 : Epoll.Out);
        if (wanted != _interest)
        {
            _interest = wanted;
            _loop.Change(_fd, _registration, wanted);
        }
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

    /// <summary>Takes the outcomes that became due under the lock, to be run after it is released.</summary>
    private Completions CollectLocked()
    {
        var completions = default(Completions);
        if (_receivePending)
        {
            if (TakeInbound() is { } message)
            {
                completions.Received = message;
            }
            else if (_closeReceived)
            {
                completions.Received = _closeMessage;
            }
            else if (_failure is not null)
            {
                completions.ReceiveError = _failure;
            }

            if (completions.Received is not null || completions.ReceiveError is not null)
            {
                _receivePending = false;
                completions.ReceiveCancellation = _receiveCancellation;
                _receiveCancellation = default;
            }
        }

        CollectSendLocked(ref completions);
        if (_closeWaiter is not null && (_phase == Phase.Closed || _ended || (_closeFlushed && (_closeReceived || _failure is not null))))
        {
            completions.Closed = _closeWaiter;
            _closeWaiter = null;
        }

        return completions;
    }

    InboundMessage IValueTaskSource<InboundMessage>.GetResult(short token) => _receive.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<InboundMessage>.GetStatus(short token) => _receive.GetStatus(token);

    void IValueTaskSource<InboundMessage>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _receive.OnCompleted(continuation, state, token, flags);

    /// <summary>What became due while the lock was held; run after releasing it, since continuations run inline.</summary>
    private struct Completions
    {
        public InboundMessage? Received;
        public Exception? ReceiveError;
        public CancellationTokenRegistration ReceiveCancellation;
        public bool SendCompleted;
        public Exception? SendError;
        public TaskCompletionSource? Closed;

        public readonly void Run(LoopWebSocketConnection connection)
        {
            if (Received is not null || ReceiveError is not null)
            {
                ReceiveCancellation.Dispose();
                if (Received is { } message)
                {
                    connection._receive.SetResult(message);
                }
                else
                {
                    connection._receive.SetException(ReceiveError!);
                }
            }

            if (SendCompleted)
            {
                connection._send.SetResult(true);
            }
            else if (SendError is not null)
            {
                connection._send.SetException(SendError);
            }

            Closed?.TrySetResult();
        }
    }
}
