using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Benchmarks.Keepalive;

/// <summary>
/// ActorHeartbeat as a client under test of the shared keepalive harness (shared/bench): N supervised
/// connections to the neutral peer, with our application heartbeat (<c>--mode app</c>) or the
/// platform's protocol keepalive (<c>--mode platform</c>), speaking the harness's line protocol:
/// <c>info</c>, <c>ready k ms</c>, <c>dead id unix_ms reason</c>, <c>fail id reason</c>. A connection is
/// not retried after it fails (max-retries 0), so only detection is measured.
/// </summary>
internal static class KeepaliveClient
{
    private const int ConnectWave = 512;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        KeepaliveClientOptions options;
        try
        {
            options = KeepaliveClientOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            error.WriteLine($"keepalive-client: {e.Message}");
            return 2;
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds), TimeProvider.System);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });

        var lines = new LineWriter(output);
        lines.Write($"info lib=ActorHeartbeat runtime=dotnet/{Environment.Version} mode={options.Mode} gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        using var transport = new ClientWebSocketTransport();
        await using var system = ActorSystem.Create("keepalive-bench", TransportEventLoop.CreateActorSystemSettings());
        var tracker = new Tracker(options.Connections, lines);
        var listener = system.ActorOf(Props.Create(() => new EventListener(tracker)), "listener");
        system.EventStream.Subscribe(listener, typeof(ConnectionEvent));
        var manager = system.ActorOf(ConnectionManager.Props(new ConnectionManagerOptions { Transport = transport, RttSamples = 8 }), "connections");

        var started = Stopwatch.StartNew();
        var shared = SharedSettings(options);
        for (var wave = 0; wave < options.Connections; wave += ConnectWave)
        {
            var end = Math.Min(options.Connections, wave + ConnectWave);
            for (var i = wave; i < end; i++)
            {
                manager.Tell(new ConnectionManager.Add(shared[i % shared.Length] with { Id = $"c{i}" }));
            }

            // Like the hand-written baseline's connect gate: bounded concurrency of handshakes.
            await tracker.WaitForSettled(end, stop.Token).ConfigureAwait(false);
        }

        lines.Write($"ready {tracker.Up} {started.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)}");
        try
        {
            if (options.DiagSeconds > 0)
            {
                await Diagnostics(tracker.Up, TimeSpan.FromSeconds(options.DiagSeconds), error, stop.Token).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    /// <summary>
    /// With <c>--diag-seconds S</c>, every S seconds on stderr (the harness keeps it in client.err): managed
    /// heap per connection after a full collection (which costs CPU: not for the measured runs), bytes
    /// allocated per connection and second, and collections per generation.
    /// </summary>
    private static async Task Diagnostics(int connections, TimeSpan period, TextWriter error, CancellationToken stop)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(period, TimeProvider.System, stop).ConfigureAwait(false);
            var now = GC.GetTotalAllocatedBytes(precise: false);
            var seconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var perConnection = Math.Max(1, connections);
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"diag heap_per_conn_kib={GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / perConnection:F2} alloc_per_conn_s_bytes={(now - allocated) / seconds / perConnection:F0} gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)}"));
            allocated = GC.GetTotalAllocatedBytes(precise: false);
        }
    }

    /// <summary>One settings object per port (connections share them; only the id differs).</summary>
    private static ConnectionSettings[] SharedSettings(KeepaliveClientOptions o) =>
        [.. o.Ports.Select(port => Settings(o, port))];

    private static ConnectionSettings Settings(KeepaliveClientOptions o, int port)
    {
        var interval = TimeSpan.FromSeconds(o.IntervalSeconds);
        var timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        var app = o.Mode == "app";
        return new ConnectionSettings
        {
            Id = "template",
            Url = new Uri($"ws://{o.Host}:{port.ToString(CultureInfo.InvariantCulture)}/"),
            ConnectTimeout = TimeSpan.FromSeconds(60),
            CloseTimeout = TimeSpan.FromSeconds(1),
            SendBufferCapacity = 16,
            Keepalive = app ? null : new KeepaliveSettings(interval, timeout),
            Heartbeat = new HeartbeatRules(
                app
                    ? new ApplicationHeartbeat(
                        interval,
                        timeout,
                        MessageTemplate.Parse("{\"op\":\"ping\",\"seq\":{seq},\"ts\":{ts}}"),
                        MessageMatcher.JsonFieldEquals("op", "pong"),
                        "seq",
                        CountAnyInbound: false)
                    : null,
                null,
                null),
            Backoff = new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1, 0, JitterMode.RandomFactor, TimeSpan.FromSeconds(1), maxRetries: 0),
        };
    }

    /// <summary>Counts outcomes and prints the harness's lines.</summary>
    private sealed class Tracker(int expected, LineWriter lines)
    {
        private readonly object _gate = new();
        private readonly HashSet<string> _settled = [];
        private readonly HashSet<string> _dead = [];
        private TaskCompletionSource? _waiter;
        private int _waitFor;

        public int Up { get; private set; }

        public Task WaitForSettled(int count, CancellationToken stop)
        {
            lock (_gate)
            {
                if (_settled.Count >= Math.Min(count, expected))
                {
                    return Task.CompletedTask;
                }

                _waitFor = count;
                _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _waiter.Task.WaitAsync(stop);
            }
        }

        public void On(ConnectionEvent e)
        {
            lock (_gate)
            {
                switch (e.Kind)
                {
                    case ConnectionEventKind.Up when _settled.Add(e.Connection):
                        Up++;
                        break;
                    case ConnectionEventKind.Down when !_settled.Contains(e.Connection):
                        _settled.Add(e.Connection);
                        lines.Write($"fail {e.Connection} {e.Reason?.ToKebab()}");
                        break;
                    case ConnectionEventKind.Down when _dead.Add(e.Connection):
                        var ms = (e.Timestamp - DateTimeOffset.UnixEpoch).TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture);
                        lines.Write($"dead {e.Connection} {ms} {e.Reason?.ToKebab()}");
                        break;
                }

                if (_waiter is not null && _settled.Count >= _waitFor)
                {
                    _waiter.TrySetResult();
                    _waiter = null;
                }
            }
        }
    }

    private sealed class EventListener : ReceiveActor
    {
        public EventListener(Tracker tracker) => Receive<ConnectionEvent>(tracker.On);
    }

    /// <summary>One line per write, flushed (the harness reads lines as they come).</summary>
    private sealed class LineWriter(TextWriter output)
    {
        private readonly object _gate = new();

        public void Write(string line)
        {
            lock (_gate)
            {
                output.Write(line + "\n");
                output.Flush();
            }
        }
    }
}
