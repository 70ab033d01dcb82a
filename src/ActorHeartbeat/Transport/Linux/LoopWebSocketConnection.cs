using System.Net.Sockets;
using System.Net.WebSockets;
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

    private static WebSocketException PeerVanished() =>
        new(WebSocketError.ConnectionClosedPrematurely, "The server closed the TCP connection without a WebSocket close frame.");

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
