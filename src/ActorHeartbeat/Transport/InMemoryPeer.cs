using System.Net.WebSockets;

namespace ActorHeartbeat.Transport;

/// <summary>
/// The server's end of one in-memory WebSocket. The test sends to the client with
/// <see cref="SendText"/>, closes, drops or freezes the connection, and reads what the client sent.
/// </summary>
public sealed class InMemoryPeer
{
    private readonly object _gate = new();
    private readonly Queue<InboundMessage> _toClient = new();
    private readonly List<string> _fromClient = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _receiveWaiters = [];
    private TaskCompletionSource<InboundMessage>? _pendingReceive;
    private Exception? _failure;
    private Func<string, string?>? _autoReply;
    private bool _frozen;
    private bool _held;

    internal InMemoryPeer(ConnectRequest request, Func<string, string?>? autoReply)
    {
        Request = request;
        _autoReply = autoReply;
        ClientEnd = new Connection(this);
    }

    /// <summary>The request the client connected with.</summary>
    public ConnectRequest Request { get; }

    /// <summary>Texts the client sent, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _fromClient];
            }
        }
    }

    /// <summary>The close status the client sent, once it closed.</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    /// <summary>True once the client closed or aborted.</summary>
    public bool IsClosedByClient { get; private set; }

    /// <summary>True once the client aborted (no close handshake).</summary>
    public bool WasAborted { get; private set; }

    internal IWebSocketConnection ClientEnd { get; }

    /// <summary>Completes once the client has sent at least <paramref name="count"/> messages (for tests on real time).</summary>
    public Task WaitForReceivedAsync(int count)
    {
        lock (_gate)
        {
            if (_fromClient.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _receiveWaiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>Answers each text the client sends; null to stop answering.</summary>
    public void SetAutoReply(Func<string, string?>? reply)
    {
        lock (_gate)
        {
            _autoReply = reply;
        }
    }

    /// <summary>Freezes the peer: it stops answering and delivering (the connection stays open).</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            _frozen = true;
        }
    }

    /// <summary>
    /// Holds back what the peer sends: it queues as if it had arrived in the client's socket buffer but
    /// no receive delivers it (a starved client process) until <see cref="ReleaseDeliveries"/>.
    /// </summary>
    public void HoldDeliveries()
    {
        lock (_gate)
        {
            _held = true;
        }
    }

    /// <summary>Ends <see cref="HoldDeliveries"/>: a pending receive gets the oldest held message.</summary>
    public void ReleaseDeliveries()
    {
        TaskCompletionSource<InboundMessage>? pending = null;
        var next = default(InboundMessage);
        lock (_gate)
        {
            _held = false;
            if (_pendingReceive is not null && _toClient.TryDequeue(out next))
            {
                pending = _pendingReceive;
                _pendingReceive = null;
            }
        }

        if (pending is not null)
        {
            Inline(() => pending.TrySetResult(next));
        }
    }

    /// <summary>True while messages from the peer wait that no receive has delivered.</summary>
    public bool HasUndelivered
    {
        get
        {
            lock (_gate)
            {
                return _toClient.Count > 0;
            }
        }
    }

    /// <summary>Delivers a text message to the client.</summary>
    public void SendText(string text) => Deliver(InboundMessage.OfText(text));

    /// <summary>Delivers a binary message to the client.</summary>
    public void SendBinary(byte[] bytes) => Deliver(InboundMessage.OfBinary(bytes));

    /// <summary>Delivers a message that exceeds the client's size limit.</summary>
    public void SendOversize() => Deliver(InboundMessage.TooBig);

    /// <summary>Sends a close frame to the client.</summary>
    public void Close(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? description = null) =>
        Deliver(InboundMessage.OfClose(status, description));

    /// <summary>Drops the TCP connection: the client's pending receive fails.</summary>
    public void Drop() => Fail(new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The remote party closed the WebSocket connection without completing the close handshake."));

    /// <summary>Fails the client's pending receive with <paramref name="error"/>.</summary>
    public void Fail(Exception error)
    {
        TaskCompletionSource<InboundMessage>? pending;
        lock (_gate)
        {
            _failure ??= error;
            pending = _pendingReceive;
            _pendingReceive = null;
        }

        Inline(() => pending?.TrySetException(error));
    }

    private void Deliver(InboundMessage message)
    {
        TaskCompletionSource<InboundMessage>? pending;
        lock (_gate)
        {
            if (_frozen || IsClosedByClient || _failure is not null)
            {
                return;
            }

            pending = _held ? null : _pendingReceive;
            if (pending is null)
            {
                _toClient.Enqueue(message);
            }
            else
            {
                _pendingReceive = null;
            }
        }

        Inline(() => pending?.TrySetResult(message));
    }

    private ValueTask<InboundMessage> Receive(CancellationToken cancellationToken)
    {
        TaskCompletionSource<InboundMessage> pending;
        lock (_gate)
        {
            if (!_held && _toClient.TryDequeue(out var queued))
            {
                return ValueTask.FromResult(queued);
            }

            if (_failure is not null)
            {
                return ValueTask.FromException<InboundMessage>(_failure);
            }

            if (_pendingReceive is not null)
            {
                throw new InvalidOperationException("Only one receive may be pending on a WebSocket.");
            }

            pending = _pendingReceive = new TaskCompletionSource<InboundMessage>();
        }

        cancellationToken.Register(() => pending.TrySetCanceled(cancellationToken));
        return new ValueTask<InboundMessage>(pending.Task);
    }

    private void ClientSent(string text)
    {
        string? reply;
        lock (_gate)
        {
            if (_failure is not null)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The connection is broken.");
            }

            _fromClient.Add(text);
            foreach (var waiter in _receiveWaiters.Where(w => w.Count <= _fromClient.Count).ToList())
            {
                _receiveWaiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }

            reply = _frozen ? null : _autoReply?.Invoke(text);
        }

        if (reply is not null)
        {
            Deliver(InboundMessage.OfText(reply));
        }
    }

    private void ClientClosed(WebSocketCloseStatus? status, bool aborted)
    {
        TaskCompletionSource<InboundMessage>? pending;
        lock (_gate)
        {
            IsClosedByClient = true;
            WasAborted |= aborted;
            ClientCloseStatus ??= status;
            pending = _pendingReceive;
            _pendingReceive = null;
        }

        Inline(() => pending?.TrySetException(new WebSocketException(WebSocketError.InvalidState, "The WebSocket was closed by this side.")));
    }

    /// <summary>
    /// Completes a pending operation so that its continuation runs here, on the caller's thread: a
    /// test framework's SynchronizationContext would otherwise push it to the thread pool, out of
    /// the TestKit's sight.
    /// </summary>
    internal static void Inline(Action complete)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            complete();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private sealed class Connection(InMemoryPeer peer) : IWebSocketConnection
    {
        public string? SubProtocol => peer.Request.Subprotocols.Count > 0 ? peer.Request.Subprotocols[0] : null;

        public bool HasPendingInput => peer.HasUndelivered;

        public ValueTask<InboundMessage> ReceiveAsync(int maxMessageSize, CancellationToken cancellationToken) => peer.Receive(cancellationToken);

        public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
        {
            peer.ClientSent(text);
            return ValueTask.CompletedTask;
        }

        public ValueTask SendBinaryAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            peer.ClientSent($"<binary {bytes.Length} bytes>");
            return ValueTask.CompletedTask;
        }

        public Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
        {
            peer.ClientClosed(status, aborted: false);
            return Task.CompletedTask;
        }

        public void Abort() => peer.ClientClosed(null, aborted: true);

        public void Dispose()
        {
            if (!peer.IsClosedByClient)
            {
                peer.ClientClosed(null, aborted: true);
            }
        }
    }
}
