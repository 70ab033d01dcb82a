using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// A Python websockets server from Integration/Peers, run by Debian's interpreter (<see cref="Interpreter"/>,
/// not whichever python3 comes first on PATH: that may be one without the package) in isolated mode.
/// The script prints its port (127.0.0.1, chosen by the system) and serves; disposal kills its process
/// tree and waits (bounded) for it to exit. Its output is read on dedicated threads: reads of a
/// process pipe block, and must not hold thread-pool threads the client under test needs.
/// </summary>
internal sealed class PythonPeer : IAsyncDisposable
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(5);
    private static readonly Lazy<Task<string?>> Availability = new(ProbeAsync);

    private readonly Running _running;

    private PythonPeer(Running running, int port)
    {
        _running = running;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    /// <summary>Where the script listens.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Null when <see cref="Interpreter"/> can import websockets; otherwise why not (checked once per run).</summary>
    public static Task<string?> MissingReasonAsync() => Availability.Value;

    /// <summary>Starts <paramref name="script"/> (a file name under Integration/Peers) with <paramref name="arguments"/> and reads its port.</summary>
    /// <exception cref="InvalidOperationException">The script did not print a port within 10 s; the message has its stderr.</exception>
    public static async Task<PythonPeer> StartAsync(string script, params string[] arguments)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Integration", "Peers", script);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The peer script {path} is missing from the test output.", path);
        }

        var running = Running.Start([path, .. arguments]);
        string? line;
        try
        {
            line = await running.FirstLine.WaitAsync(StartBound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            line = null;
        }

        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > IPEndPoint.MaxPort)
        {
            await running.StopAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"{script} did not print its port within {StartBound.TotalSeconds:0} s (first line: {line ?? "<none>"}). stderr:{Environment.NewLine}{running.Stderr}");
        }

        return new PythonPeer(running, port);
    }

    public async ValueTask DisposeAsync() => await _running.StopAsync().ConfigureAwait(false);

    /// <summary>Describes the peer with what it wrote to stderr so far (for failure messages).</summary>
    public override string ToString() => $"python peer on {Endpoint}; stderr: {_running.Stderr}";

    private static async Task<string?> ProbeAsync()
    {
        if (!File.Exists(Interpreter))
        {
            return $"{Interpreter} does not exist (Debian packages python3 and python3-websockets)";
        }

        var probe = Running.Start(["-c", "import websockets"]);
        try
        {
            await probe.Process.WaitForExitAsync().WaitAsync(StartBound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await probe.StopAsync().ConfigureAwait(false);
            return $"'{Interpreter} -c \"import websockets\"' did not finish within {StartBound.TotalSeconds:0} s";
        }

        var exitCode = probe.Process.ExitCode;
        await probe.StopAsync().ConfigureAwait(false);
        return exitCode == 0
            ? null
            : $"{Interpreter} cannot import websockets (install Debian's python3-websockets): {probe.Stderr.Trim()}";
    }

    /// <summary>The interpreter's process, its first stdout line, and its stderr so far.</summary>
    private sealed class Running
    {
        private readonly StringBuilder _stderr = new();
        private readonly TaskCompletionSource<string?> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Running(Process process)
        {
            Process = process;
            new Thread(ReadStdout) { IsBackground = true, Name = "python peer stdout" }.Start();
            new Thread(ReadStderr) { IsBackground = true, Name = "python peer stderr" }.Start();
        }

        public Process Process { get; }

        public Task<string?> FirstLine => _firstLine.Task;

        public string Stderr
        {
            get
            {
                lock (_stderr)
                {
                    return _stderr.ToString();
                }
            }
        }

        public static Running Start(IEnumerable<string> arguments)
        {
            var info = new ProcessStartInfo(Interpreter)
            {
                UseShellExecute = false,
                RedirectStandardInput = true, // the scripts exit when it closes, so a crashed test host leaves no orphan
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            info.ArgumentList.Add("-I"); // isolated: no PYTHON* variables, no user site-packages
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            return new Running(Process.Start(info) ?? throw new InvalidOperationException($"{Interpreter} could not be started."));
        }

        /// <summary>Kills the process tree (if still running), waits for it to exit and for its pipes to close; bounded.</summary>
        public async Task StopAsync()
        {
            try
            {
                Process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It has exited already.
            }

            try
            {
                // The readers end at end-of-file, which follows the exit at once.
                await Task.WhenAll(Process.WaitForExitAsync(), _stdoutClosed.Task, _stderrClosed.Task).WaitAsync(ExitBound).ConfigureAwait(false);
            }
            finally
            {
                Process.Dispose();
            }
        }

        private void ReadStdout()
        {
            try
            {
                _firstLine.TrySetResult(Process.StandardOutput.ReadLine());
                Process.StandardOutput.ReadToEnd();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The process is gone.
            }
            finally
            {
                _firstLine.TrySetResult(null);
                _stdoutClosed.TrySetResult();
            }
        }

        private void ReadStderr()
        {
            try
            {
                while (Process.StandardError.ReadLine() is { } line)
                {
                    lock (_stderr)
                    {
                        _stderr.AppendLine(line);
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The process is gone; what was read is kept.
            }
            finally
            {
                _stderrClosed.TrySetResult();
            }
        }
    }
}
