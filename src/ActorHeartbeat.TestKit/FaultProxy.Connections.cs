using System.Net;
using System.Net.Sockets;

namespace ActorHeartbeat.TestKit;

/// <summary>Listening, refusing, admitting connections, counting them, and disposal.</summary>
public sealed partial class FaultProxy
{
    /// <summary>How long <see cref="DisposeAsync"/> waits for the proxy's loops to end (real time).</summary>
    private static readonly TimeSpan DisposeBound = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<FaultProxyConnection> _connections = [];
    private readonly HashSet<Task> _running = [];
    private readonly List<Exception> _failures = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _openWaiters = [];
    private Socket? _listener;
    private bool _refusing;
    private bool _disposed;
    private int _open;
    private int _accepted;

    private FaultProxy(IPEndPoint endpoint, IPEndPoint target, Socket listener, TimeProvider time)
    {
        Endpoint = endpoint;
        Target = target;
        Time = time;
        _listener = listener;
    }

    /// <summary>
    /// Starts a proxy listening on the loopback address of the target's family (127.0.0.1, or ::1 for an
    /// IPv6 target) that forwards every accepted connection to <paramref name="target"/>, in mode pass.
    /// </summary>
    /// <param name="target">The server under test; must be a loopback address (127.0.0.0/8, ::1, or IPv4-mapped 127.x) with a port.</param>
    /// <param name="listenPort">The port to listen on; 0 (default) lets the system pick a free one (see <see cref="Endpoint"/>).</param>
    /// <param name="timeProvider">The clock that times <see cref="Delay"/>; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">When <paramref name="target"/> is not a loopback address or has port 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="listenPort"/> is outside 0..65535.</exception>
    /// <exception cref="InvalidOperationException">When the port cannot be listened on (for example, it is in use).</exception>
    public static FaultProxy Start(IPEndPoint target, int listenPort = 0, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegative(listenPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listenPort, IPEndPoint.MaxPort);
        if (target.Address.IsIPv4MappedToIPv6)
        {
            target = new IPEndPoint(target.Address.MapToIPv4(), target.Port);
        }

        if (!IPAddress.IsLoopback(target.Address))
        {
            throw new ArgumentException($"FaultProxy only forwards to loopback addresses; the target {target} is not one.", nameof(target));
        }

        if (target.Port == 0)
        {
            throw new ArgumentException($"The target {target} has no port (0).", nameof(target));
        }

        var loopback = target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        var listener = Bind(new IPEndPoint(loopback, listenPort));
        try
        {
            listener.Listen();
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new InvalidOperationException($"FaultProxy could not listen on {loopback}:{listenPort}: {e.Message}", e);
        }

        var proxy = new FaultProxy((IPEndPoint)listener.LocalEndPoint!, target, listener, timeProvider ?? TimeProvider.System);
        proxy.Track(proxy.AcceptLoopAsync(listener));
        return proxy;
    }

    /// <summary>
    /// Refuses new connections until the next <see cref="Pass"/>: the listening socket is closed, so a
    /// client's connect fails the way it does against a server that is down — the system answers the
    /// SYN with RST and the client sees "connection refused" (<see cref="SocketError.ConnectionRefused"/>).
    /// The port stays reserved meanwhile by a bound socket that does not listen, and <see cref="Pass"/>
    /// listens on the same port again. Connections already open are left alone; connections the system
    /// had completed but the proxy not yet accepted are reset. Modes are unchanged.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the port could not be kept reserved (another socket took it in between).</exception>
    /// <exception cref="ObjectDisposedException">After disposal.</exception>
    public void Refuse()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_refusing)
            {
                return;
            }

            _refusing = true;
            _listener?.Dispose();
            _listener = null;
            _listener = BindAgain("keep the port reserved while refusing");
        }
    }

    /// <summary>
    /// Completes when <see cref="OpenConnections"/> equals <paramref name="count"/> (at once when it
    /// already does) — for example 1 after a client connected through the proxy, 0 after a reset.
    /// </summary>
    /// <exception cref="ObjectDisposedException">After disposal, or when the proxy is disposed before the count is reached.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled first.</exception>
    public Task WaitForOpenConnectionsAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_open == count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = (count, reached);
            _openWaiters.Add(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() =>
                {
                    lock (_gate)
                    {
                        _openWaiters.Remove(waiter);
                    }

                    reached.TrySetCanceled(cancellationToken);
                });
                reached.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return reached.Task;
        }
    }

    /// <summary>
    /// Stops listening (a later connect is refused), resets every connection, and waits until every
    /// loop of the proxy has ended. Idempotent.
    /// </summary>
    /// <exception cref="InvalidOperationException">When a loop has not ended within 10 s (real time), or a loop failed (a defect of the proxy).</exception>
    public async ValueTask DisposeAsync()
    {
        FaultProxyConnection[] connections;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _listener?.Dispose();
            _listener = null;
            connections = [.. _connections];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var connection in connections)
        {
            connection.Reset();
        }

        await AwaitLoopsAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var (_, reached) in _openWaiters)
            {
                reached.TrySetException(new ObjectDisposedException(nameof(FaultProxy), $"{this} was disposed before the awaited connection count was reached."));
            }

            _openWaiters.Clear();
        }

        _stopping.Dispose();
        if (_failures.Count > 0)
        {
            throw new InvalidOperationException($"{this}: {_failures.Count} loop(s) failed.", new AggregateException(_failures));
        }
    }

    /// <summary>Counts a connection whose target side is up; false when it was reset meanwhile.</summary>
    internal bool OnOpened(FaultProxyConnection connection)
    {
        lock (_gate)
        {
            if (connection.Closed)
            {
                return false;
            }

            connection.Opened = true;
            _open++;
            NotifyOpenWaiters();
            return true;
        }
    }

    /// <summary>Forgets a connection that ended (called once per connection).</summary>
    internal void OnClosed(FaultProxyConnection connection)
    {
        lock (_gate)
        {
            connection.Closed = true;
            _connections.Remove(connection);
            if (connection.Opened)
            {
                _open--;
                NotifyOpenWaiters();
            }
        }
    }

    private static Socket Bind(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // On Unix the port can be bound again while accepted connections (or their TIME_WAIT
                // remains) still use it, which Refuse and Pass need; a listener elsewhere still conflicts.
                // Windows allows that without the option, and there it would allow stealing a port.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(endpoint);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new InvalidOperationException($"FaultProxy could not bind {endpoint}: {e.Message}", e);
        }
    }

    /// <summary>Binds the proxy's port once more. Caller holds the gate.</summary>
    private Socket BindAgain(string purpose)
    {
        try
        {
            return Bind(Endpoint);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"FaultProxy could not {purpose}: {e.Message}", e.InnerException);
        }
    }

    /// <summary>Ends refusing: listens on the same port again. Caller holds the gate.</summary>
    private void ListenAgain()
    {
        _listener ??= BindAgain("listen again after Refuse");
        try
        {
            _listener.Listen();
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"FaultProxy could not listen again on {Endpoint} after Refuse: {e.Message}", e);
        }

        _refusing = false;
        Track(AcceptLoopAsync(_listener));
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                lock (_gate)
                {
                    if (!IsCurrentListener(listener))
                    {
                        return;
                    }
                }

                if (e is SocketException { SocketErrorCode: SocketError.ConnectionAborted or SocketError.ConnectionReset })
                {
                    continue; // the client gave up before it was accepted
                }

                throw;
            }

            Admit(listener, client);
        }
    }

    private void Admit(Socket listener, Socket client)
    {
        FaultProxyConnection connection;
        lock (_gate)
        {
            if (!IsCurrentListener(listener))
            {
                FaultProxyConnection.CloseSocket(client, abortive: true);
                return;
            }

            _accepted++;
            client.NoDelay = true;
            connection = new FaultProxyConnection(this, client, Target.AddressFamily, _stopping.Token);
            _connections.Add(connection);
        }

        Track(connection.RunAsync(Target));
    }

    /// <summary>Whether <paramref name="listener"/> is the socket the proxy listens on now. Caller holds the gate.</summary>
    private bool IsCurrentListener(Socket listener) => !_disposed && !_refusing && ReferenceEquals(listener, _listener);

    /// <summary>Caller holds the gate.</summary>
    private void NotifyOpenWaiters()
    {
        for (var i = _openWaiters.Count - 1; i >= 0; i--)
        {
            if (_openWaiters[i].Count == _open)
            {
                _openWaiters[i].Reached.TrySetResult();
                _openWaiters.RemoveAt(i);
            }
        }
    }

    private void Track(Task loop)
    {
        var observed = ObserveAsync(loop);
        lock (_gate)
        {
            _running.RemoveWhere(task => task.IsCompleted);
            _running.Add(observed);
        }
    }

    private async Task ObserveAsync(Task loop)
    {
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failures.Add(e);
            }
        }
    }

    /// <summary>Waits until every tracked loop has ended, including loops started while waiting.</summary>
    private async Task AwaitLoopsAsync()
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (true)
        {
            Task[] running;
            lock (_gate)
            {
                running = [.. _running.Where(task => !task.IsCompleted)];
            }

            if (running.Length == 0)
            {
                return;
            }

            var remaining = DisposeBound - TimeProvider.System.GetElapsedTime(deadline);
            try
            {
                await Task.WhenAll(running).WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"{this}: {running.Count(task => !task.IsCompleted)} loop(s) did not end within {DisposeBound.TotalSeconds:0} s of disposal.");
            }
        }
    }
}
