using System.Net;

namespace ActorHeartbeat.TestKit;

/// <summary>
/// A TCP proxy on the loopback interface that stands between a client and a server under test and
/// injects the network failures a heartbeat must detect, switchable at any moment while connections
/// are open. Create it with <see cref="Start"/>, point the client at <see cref="Endpoint"/> (or
/// <see cref="WebSocketUri"/>), and switch modes:
/// <list type="bullet">
/// <item><see cref="Pass"/> — forward everything unchanged (the initial mode) and accept new connections.</item>
/// <item><see cref="Freeze"/> — the peer looks like a stopped (SIGSTOPped) process: TCP stays open, nothing moves either way.</item>
/// <item><see cref="Blackhole"/> — bytes in one direction (or both) are read and thrown away.</item>
/// <item><see cref="Delay"/> — every chunk in the given direction(s) arrives a fixed time after the proxy read it.</item>
/// <item><see cref="ResetAll"/> — every open connection is reset (RST to both sides) now.</item>
/// <item><see cref="Refuse"/> — new connection attempts are refused; open ones are left alone.</item>
/// </list>
/// Every switch of the data mode (pass, freeze, blackhole, delay) replaces the mode of both
/// directions and applies at once to open connections and to new ones. Only loopback addresses are
/// ever used, for listening and for the target. Disposal resets every connection, stops listening and
/// waits (bounded) until every loop of the proxy has ended.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    /// <summary>The longest accepted <see cref="Delay"/>; hold bytes longer with <see cref="Freeze"/>.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    private readonly long[] _forwarded = new long[2];
    private readonly long[] _dropped = new long[2];
    private volatile FaultProxyState _state = new(FaultProxyRule.Pass, FaultProxyRule.Pass);

    /// <summary>Where clients connect: the proxy's listening address (loopback) and port.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The loopback server every accepted connection is forwarded to.</summary>
    public IPEndPoint Target { get; }

    /// <summary>Connections forwarded right now: the target side is connected and neither side has ended.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>Client connections the proxy has accepted since it started (refused attempts never count).</summary>
    public int AcceptedConnections => Volatile.Read(ref _accepted);

    /// <summary>True between <see cref="Refuse"/> and the next <see cref="Pass"/>.</summary>
    public bool IsRefusing
    {
        get
        {
            lock (_gate)
            {
                return _refusing;
            }
        }
    }

    /// <summary>The current data modes, read by the flows of every connection.</summary>
    internal FaultProxyState State => _state;

    /// <summary>The clock that times delays.</summary>
    internal TimeProvider Time { get; }

    /// <summary>The WebSocket address of the proxy, e.g. <c>ws://127.0.0.1:40123/ws</c>.</summary>
    /// <param name="path">Absolute path (and optional query) starting with '/'; default "/ws".</param>
    /// <exception cref="ArgumentException">When <paramref name="path"/> does not start with '/'.</exception>
    public Uri WebSocketUri(string path = "/ws")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The WebSocket path must start with '/', got \"{path}\".", nameof(path));
        }

        return new Uri($"ws://{Endpoint}{path}", UriKind.Absolute);
    }

    /// <summary>
    /// Heals everything: both directions forward again, and a refusing proxy listens again on the same
    /// port. Bytes held by a freeze are delivered (in order, before anything newer), just as a stopped
    /// process that is continued carries on where it stopped; chunks waiting out a delay are delivered
    /// at once. Bytes dropped by a blackhole stay lost.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the port could not be listened on again after <see cref="Refuse"/>.</exception>
    /// <exception cref="ObjectDisposedException">After disposal.</exception>
    public void Pass()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Publish(FaultProxyRule.Pass, FaultProxyRule.Pass);
            if (_refusing)
            {
                ListenAgain();
            }
        }
    }

    /// <summary>
    /// Imitates a stopped peer process in both directions: the proxy stops reading from either socket,
    /// so the kernel keeps acknowledging what arrives until its buffers fill, then the sender's window
    /// closes — the connection looks alive to TCP, but no byte and no end-of-stream gets through. A
    /// chunk the proxy had already read when the freeze came is held, not dropped, and delivered by
    /// <see cref="Pass"/>. New connections are still accepted (the kernel of a stopped server would
    /// complete their handshake too) and are frozen from their first byte.
    /// </summary>
    /// <exception cref="ObjectDisposedException">After disposal.</exception>
    public void Freeze() => SetMode(FaultDirection.Both, new FaultProxyRule(FaultProxyMode.Freeze, TimeSpan.Zero));

    /// <summary>
    /// Drops the bytes of <paramref name="direction"/>: the proxy keeps reading them (so the sender sees
    /// its writes succeed and acknowledged) and throws them away; any other direction passes. Dropped
    /// bytes are gone for good, so the stream a later <see cref="Pass"/> resumes has a gap in it. The
    /// end of a stream (FIN) is not data and still gets through, so a peer that closes is seen closing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="direction"/> is not a defined value.</exception>
    /// <exception cref="ObjectDisposedException">After disposal.</exception>
    public void Blackhole(FaultDirection direction) =>
        SetMode(direction, new FaultProxyRule(FaultProxyMode.Blackhole, TimeSpan.Zero));

    /// <summary>
    /// Delivers every chunk of <paramref name="direction"/> (default both) no earlier than
    /// <paramref name="delay"/> after the proxy read it, in order, while reading on meanwhile — so the
    /// added latency is <paramref name="delay"/> per chunk and does not add up; any other direction
    /// passes. The end of a stream is delayed like data. Chunks already read wait out the new delay
    /// counted from their own read time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="delay"/> is negative or above <see cref="MaxDelay"/>, or <paramref name="direction"/> is not a defined value.</exception>
    /// <exception cref="ObjectDisposedException">After disposal.</exception>
    public void Delay(TimeSpan delay, FaultDirection direction = FaultDirection.Both)
    {
        if (delay < TimeSpan.Zero || delay > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"The delay must be between 0 and {MaxDelay} (use Freeze to hold bytes indefinitely).");
        }

        SetMode(direction, new FaultProxyRule(FaultProxyMode.Delay, delay));
    }

    /// <summary>
    /// Resets every open connection now: both the client and the server side get a TCP RST (an abortive
    /// close, linger on with zero timeout), bytes held or queued inside the proxy are discarded, and
    /// connections still connecting to the target are reset too. The mode and admission are unchanged,
    /// so clients can reconnect at once unless the proxy refuses.
    /// </summary>
    /// <exception cref="ObjectDisposedException">After disposal.</exception>
    public void ResetAll()
    {
        FaultProxyConnection[] connections;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            connection.Reset();
        }
    }

    /// <summary>
    /// Bytes handed on to the receiving side in <paramref name="direction"/> since the proxy started
    /// (both directions summed for <see cref="FaultDirection.Both"/>). Bytes are counted just before they
    /// are sent, so whatever a receiver has read is already counted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="direction"/> is not a defined value.</exception>
    public long BytesForwarded(FaultDirection direction) => Sum(_forwarded, direction);

    /// <summary>Bytes read and thrown away by <see cref="Blackhole"/> in <paramref name="direction"/> since the proxy started.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="direction"/> is not a defined value.</exception>
    public long BytesDropped(FaultDirection direction) => Sum(_dropped, direction);

    /// <summary>Describes the proxy, its modes and its connection count, for test output.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            var admission = _disposed ? "disposed" : _refusing ? "refusing" : "accepting";
            return $"FaultProxy {Endpoint} -> {Target} ({_state}; {admission}; {_open} open)";
        }
    }

    internal void CountForwarded(FaultDirection direction, int count) => Interlocked.Add(ref _forwarded[(int)direction], count);

    internal void CountDropped(FaultDirection direction, int count) => Interlocked.Add(ref _dropped[(int)direction], count);

    private static long Sum(long[] counters, FaultDirection direction) => direction switch
    {
        FaultDirection.ClientToServer or FaultDirection.ServerToClient => Interlocked.Read(ref counters[(int)direction]),
        FaultDirection.Both => Interlocked.Read(ref counters[0]) + Interlocked.Read(ref counters[1]),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a FaultDirection."),
    };

    private void SetMode(FaultDirection direction, FaultProxyRule rule)
    {
        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a FaultDirection.");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Publish(
                direction == FaultDirection.ServerToClient ? FaultProxyRule.Pass : rule,
                direction == FaultDirection.ClientToServer ? FaultProxyRule.Pass : rule);
        }
    }

    /// <summary>Publishes new modes and wakes every flow waiting under the old ones. Caller holds the gate.</summary>
    private void Publish(FaultProxyRule clientToServer, FaultProxyRule serverToClient)
    {
        var previous = _state;
        _state = new FaultProxyState(clientToServer, serverToClient);
        previous.Supersede();
    }
}
