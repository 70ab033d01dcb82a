using System.Text.Json;
using ActorHeartbeat.Cli.Commands;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MissingConfig_ExitsWithBadInput()
    {
        var run = CliRun.Of("run", "--config", Path.Combine(_dir.Path, "nope.conf"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("nope.conf: file not found", run.Error);
    }

    [Fact]
    public void BadValue_ExitsWithBadInput_NamingFileLineAndKey()
    {
        var file = _dir.Write("app.conf", "actor-heartbeat.connections.feed {\n  url = \"ws://127.0.0.1:9/\"\n  backoff.jitter = sometimes\n}\n");
        var run = CliRun.Of("run", "--config", file);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("app.conf:3:", run.Error);
        Assert.Contains("actor-heartbeat.connections.feed.backoff.jitter", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void NoConnections_ExitsWithBadInput()
    {
        var file = _dir.Write("empty.conf", "actor-heartbeat.registry.rtt-samples = 16\n");
        var run = CliRun.Of("run", "--config", file);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no connections", run.Error);
    }

    [Fact]
    public void UnknownEventsFormat_IsAUsageError()
    {
        var file = _dir.Write("app.conf", "actor-heartbeat.connections.a.url = \"ws://127.0.0.1:9/\"\n");
        Assert.Equal(ExitCodes.BadInput, CliRun.Of("run", "--config", file, "--events", "xml").ExitCode);
    }

    [Fact]
    public async Task Run_WithEventsJsonl_WritesOnlyEventLines_AndShutsDownGracefullyOnStop()
    {
        var file = _dir.Write("app.conf", """
            actor-heartbeat.connections.feed {
              url = "ws://127.0.0.1:9/feed"
              keepalive.interval = off
              heartbeat { enabled = on, interval = 50ms, timeout = 5s }
            }
            """);
        var transport = new InMemoryTransport
        {
            AutoReply = sent => sent.Contains("\"ping\"", StringComparison.Ordinal) ? sent.Replace("\"ping\"", "\"pong\"", StringComparison.Ordinal) : null,
        };
        var output = new LineCollector();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var running = RunCommand.RunAsync(new FileInfo(file), jsonl: true, output, error, transport, stop.Token);
        await output.WaitForAsync(l => l.Contains("\"event\":\"up\"", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromSeconds(10));
        await transport.LastPeer!.WaitForReceivedAsync(3).WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        var exit = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.Success, exit);
        var events = output.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["connecting", "up", "down"], events.Select(e => e.GetProperty("event").GetString()));
        Assert.All(events, e => Assert.Equal("feed", e.GetProperty("connection").GetString()));
        Assert.Equal("shutdown", events[2].GetProperty("reason").GetString());
        Assert.True(events[2].TryGetProperty("rttMs", out _));
        Assert.True(transport.LastPeer.IsClosedByClient);
    }

    /// <summary>A thread-safe writer that collects lines and lets a test wait for one.</summary>
    private sealed class LineCollector : StringWriter
    {
        private readonly object _gate = new();
        private readonly List<string> _lines = [];
        private readonly List<(Func<string, bool> Match, TaskCompletionSource Done)> _waiters = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_gate)
                {
                    return [.. _lines];
                }
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                _lines.Add(value ?? string.Empty);
                foreach (var waiter in _waiters.Where(w => w.Match(value ?? string.Empty)).ToList())
                {
                    waiter.Done.TrySetResult();
                }
            }
        }

        public Task WaitForAsync(Func<string, bool> match)
        {
            lock (_gate)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_lines.Any(match))
                {
                    done.TrySetResult();
                }
                else
                {
                    _waiters.Add((match, done));
                }

                return done.Task;
            }
        }
    }
}
