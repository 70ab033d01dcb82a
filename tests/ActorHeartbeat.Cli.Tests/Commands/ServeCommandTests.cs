using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActorHeartbeat.Cli.Commands;
using ActorHeartbeat.Cli.Tests.Peers;
using ActorHeartbeat.Testing;

namespace ActorHeartbeat.Cli.Tests.Commands;

public sealed partial class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1000);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MissingConfig_ExitsWithBadInput()
    {
        var run = CliRun.Of("serve", "--config", Path.Combine(_dir.Path, "nope.conf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("nope.conf: file not found", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor-heartbeat.server {\n  send-queue = 0\n}\n", "app.conf:2:", "actor-heartbeat.server.send-queue")]
    [InlineData("actor-heartbeat.server {\n  path = \"/ws\"\n  heartbeat { enabled = on, interval = -1s }\n}\n", "app.conf:3:", "actor-heartbeat.server.heartbeat.interval")]
    [InlineData("actor-heartbeat.server {\n  path = [\n}\n", "app.conf:3:", "")]
    public void BadConfig_ExitsWithBadInput_NamingFileLineAndKey(string content, string location, string key)
    {
        var file = _dir.Write("app.conf", content);

        var run = CliRun.Of("serve", "--config", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(location, run.Error, StringComparison.Ordinal);
        Assert.Contains(key, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("ws://127.0.0.1:8080")]
    [InlineData("127.0.0.1:8080")]
    [InlineData(";")]
    public void BadUrls_ExitWithBadInput(string urls)
    {
        var file = _dir.Write("app.conf", "actor-heartbeat.server.path = \"/ws\"\n");

        var run = CliRun.Of("serve", "--config", file, "--urls", urls);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--urls", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DocumentsTheDefaultUrl()
    {
        var run = CliRun.Of("serve", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(ServeCommand.DefaultUrls, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InProcess_WritesOnlyEventLines_AndClosesClientsWithGoingAwayOnStop()
    {
        var file = _dir.Write("app.conf", "actor-heartbeat.server { path = \"/live\", keepalive.interval = off }\n");
        var output = new LineCollector();
        var error = new LineCollector();
        using var stop = new CancellationTokenSource();

        var running = ServeCommand.RunAsync(new FileInfo(file), "http://127.0.0.1:0", jsonl: true, output, error, stop.Token);
        var port = await ListeningPortAsync(error.WaitForAsync(l => Listening().IsMatch(l)), running, () => string.Join('\n', error.Lines));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/live?who=test"), CancellationToken.None).WaitAsync(Bound);
        await output.WaitForAsync(l => l.Contains("\"event\":\"up\"", StringComparison.Ordinal)).WaitAsync(Bound);
        var receive = client.ReceiveAsync(new byte[64], CancellationToken.None);
        await stop.CancelAsync();
        var exit = await running.WaitAsync(Bound);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(WebSocketMessageType.Close, (await receive.WaitAsync(Bound)).MessageType);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, client.CloseStatus);
        var events = output.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["up", "down"], events.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal("shutdown", events[1].GetProperty("reason").GetString());
        Assert.Contains("/live?who=test", events[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Serve_AsAProcess_ReportsASuspendedPythonClientDown_WithHeartbeatTimeout_WithinIntervalPlusTimeout()
    {
        RequiredPeers.RequireOrSkip(await PythonClient.MissingReasonAsync());
        var file = _dir.Write("serve.conf", $$"""
            actor-heartbeat.server {
              keepalive.interval = off
              close-timeout = 500ms
              heartbeat { enabled = on, interval = {{Interval.TotalMilliseconds}}ms, timeout = {{Timeout.TotalMilliseconds}}ms }
            }
            """);
        var lines = new LineCollector();
        using var cli = CliProcess.Start("serve", "--config", file, "--urls", "http://127.0.0.1:0", "--events", "jsonl");
        cli.OutputLine += lines.WriteLine;
        var port = await ListeningPortAsync(cli.WaitForErrorLineAsync(l => Listening().IsMatch(l)), exited: null, () => cli.Error);

        await using (var python = PythonClient.Start("pong_client.py", $"ws://127.0.0.1:{port}/ws?client=py"))
        {
            await python.WaitForLineAsync(l => l == "connected", "'connected'");
            var up = Json(await lines.WaitForAsync(l => l.Contains("\"event\":\"up\"", StringComparison.Ordinal)).WaitAsync(Bound));
            Assert.EndsWith("/ws?client=py", up.GetProperty("detail").GetString(), StringComparison.Ordinal);
            await python.WaitForLineAsync(l => l == "pong 2", "'pong 2'");

            var start = TimeProvider.System.GetTimestamp();
            await python.SuspendAsync();
            var bound = Interval + Timeout + Margin;
            var downLine = await lines.WaitForAsync(l => l.Contains("\"event\":\"down\"", StringComparison.Ordinal)).WaitAsync(bound + Bound);
            var detected = TimeProvider.System.GetElapsedTime(start);

            var down = Json(downLine);
            Assert.Equal(up.GetProperty("connection").GetString(), down.GetProperty("connection").GetString());
            Assert.Equal("heartbeat-timeout", down.GetProperty("reason").GetString());
            Assert.True(detected <= bound, $"down after {detected.TotalMilliseconds:0} ms, bound {bound.TotalMilliseconds:0} ms\n{cli}");
        }

        await Signals.SendAsync(cli.Id, "TERM");
        Assert.Equal(ExitCodes.Success, await cli.WaitForExitAsync(Bound));
        Assert.All(cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.True(Json(l).TryGetProperty("event", out _), l));
    }

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement.Clone();

    /// <summary>The port of the "listening on ws://127.0.0.1:PORT/..." line on stderr (bounded; fails early when <paramref name="exited"/> completes first).</summary>
    private static async Task<int> ListeningPortAsync(Task<string> listeningLine, Task<int>? exited, Func<string> stderr)
    {
        Task first;
        try
        {
            first = await Task.WhenAny(listeningLine, exited ?? new TaskCompletionSource<int>().Task).WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"serve did not report a listening address within {Bound.TotalSeconds:0} s. stderr:\n{stderr()}");
        }

        if (first != listeningLine)
        {
            throw new InvalidOperationException($"serve exited before it reported a listening address. stderr:\n{stderr()}");
        }

        var match = Listening().Match(await listeningLine);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Listening();

    /// <summary>A thread-safe writer that collects lines and lets a test wait for one.</summary>
    private sealed class LineCollector : StringWriter
    {
        private readonly object _gate = new();
        private readonly List<string> _lines = [];
        private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

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
            var line = value ?? string.Empty;
            lock (_gate)
            {
                _lines.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(line);
                }
            }
        }

        public Task<string> WaitForAsync(Func<string, bool> match)
        {
            lock (_gate)
            {
                if (_lines.FirstOrDefault(match) is { } line)
                {
                    return Task.FromResult(line);
                }

                var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((match, done));
                return done.Task;
            }
        }
    }
}
