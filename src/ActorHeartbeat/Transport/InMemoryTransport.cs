namespace ActorHeartbeat.Transport;

/// <summary>
/// The in-memory twin of <see cref="ClientWebSocketTransport"/> for tests: every connect creates an
/// <see cref="InMemoryPeer"/> (the server's end) that the test drives. Connects complete at once
/// unless <see cref="Refuse"/> or <see cref="Hang"/> is set; all completions run synchronously on the
/// calling thread, so with the TestKit's virtual time every effect is deterministic.
/// </summary>
public sealed class InMemoryTransport : IWebSocketTransport
{
    private readonly object _gate = new();
    private readonly List<InMemoryPeer> _peers = [];
    private readonly List<TaskCompletionSource<IWebSocketConnection>> _hanging = [];
    private Func<ConnectRequest, Exception?>? _refusal;
    private bool _hang;

    /// <summary>Answers each text the client sends (e.g. a pong for a ping), for every new peer; null for none.</summary>
    public Func<string, string?>? AutoReply { get; set; }

    /// <summary>Every peer created so far, oldest first.</summary>
    public IReadOnlyList<InMemoryPeer> Peers
    {
        get
        {
            lock (_gate)
            {
                return [.. _peers];
            }
        }
    }

    /// <summary>The most recent peer, or null.</summary>
    public InMemoryPeer? LastPeer
    {
        get
        {
            lock (_gate)
            {
                return _peers.Count > 0 ? _peers[^1] : null;
            }
        }
    }

    /// <summary>Connect attempts so far (accepted, refused or hanging).</summary>
    public int ConnectAttempts { get; private set; }

    /// <summary>Makes new connects fail with the exception <paramref name="refusal"/> returns (default: a refused connection).</summary>
    public void Refuse(Func<ConnectRequest, Exception?>? refusal = null)
    {
        lock (_gate)
        {
            _refusal = refusal ?? (r => new HttpRequestException($"Connection refused ({r.Url.Authority})"));
        }
    }

    /// <summary>Makes new connects never complete (until cancelled), as a server that does not answer the handshake.</summary>
    public void Hang()
    {
        lock (_gate)
        {
            _hang = true;
        }
    }

    /// <summary>Accepts connects again.</summary>
    public void Accept()
    {
        lock (_gate)
        {
            _refusal = null;
            _hang = false;
        }
    }

    /// <inheritdoc />
    public Task<IWebSocketConnection> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TaskCompletionSource<IWebSocketConnection>? hanging = null;
        InMemoryPeer? peer = null;
        Exception? refused;
        lock (_gate)
        {
            ConnectAttempts++;
            refused = _refusal?.Invoke(request);
            if (refused is null && _hang)
            {
                hanging = new TaskCompletionSource<IWebSocketConnection>();
                _hanging.Add(hanging);
            }
            else if (refused is null)
            {
                peer = new InMemoryPeer(request, AutoReply);
                _peers.Add(peer);
            }
        }

        if (refused is not null)
        {
            return Task.FromException<IWebSocketConnection>(refused);
        }

        if (hanging is not null)
        {
            cancellationToken.Register(() => InMemoryPeer.Inline(() => hanging.TrySetCanceled(cancellationToken)));
            return hanging.Task;
        }

        return Task.FromResult(peer!.ClientEnd);
    }
}
