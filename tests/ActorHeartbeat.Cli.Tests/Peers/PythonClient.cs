using System.Diagnostics;
using System.Text;

namespace ActorHeartbeat.Cli.Tests.Peers;

/// <summary>
/// A Python websockets client from Peers/ run by Debian's interpreter (<see cref="Interpreter"/>, not
/// whichever python3 is first on PATH: that may lack the package) in isolated mode. Its stdout lines are
/// read on a dedicated thread (a blocking pipe read must not hold a thread-pool thread). It can be
/// stopped with SIGSTOP, like a hung process; disposal kills it and waits (bounded).
/// </summary>
internal sealed class PythonClient : IAsyncDisposable
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly Lazy<Task<string?>> Availability = new(ProbeAsync);

    private readonly Process _process;
    private readonly object _gate = new();
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Done)> _waiters = [];

    private PythonClient(Process process)
    {
        _process = process;
        new Thread(ReadStdout) { IsBackground = true, Name = "python client stdout" }.Start();
        new Thread(ReadStderr) { IsBackground = true, Name = "python client stderr" }.Start();
    }

    /// <summary>Null when <see cref="Interpreter"/> can import websockets; otherwise why not (checked once per run).</summary>
    public static Task<string?> MissingReasonAsync() => Availability.Value;

    /// <summary>Starts <paramref name="script"/> (a file under Peers/) with <paramref name="arguments"/>.</summary>
    public static PythonClient Start(string script, params string[] arguments)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Peers", script);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The peer script {path} is missing from the test output.", path);
        }

        return new PythonClient(StartInterpreter([path, .. arguments]));
    }

    /// <summary>Completes once a stdout line matching <paramref name="match"/> was printed; fails after 10 s with stderr.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, string what)
    {
        Task done;
        lock (_gate)
        {
            if (_lines.Any(match))
            {
                return;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            done = waiter.Task;
        }

        try
        {
            await done.WaitAsync(Bound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The python client printed no {what} within {Bound.TotalSeconds:0} s. {this}");
        }
    }

    /// <summary>Stops the process with SIGSTOP: its sockets stay open, nothing is read or answered.</summary>
    public Task SuspendAsync() => Signals.SendAsync(_process.Id, "STOP");

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(Bound).ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return $"stdout: {string.Join(" | ", _lines)}; stderr: {_stderr}";
        }
    }

    private static Process StartInterpreter(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Interpreter)
        {
            UseShellExecute = false,
            RedirectStandardInput = true, // the script exits when it closes, so a crashed test host leaves no orphan
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-I");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"{Interpreter} could not be started.");
    }

    private static async Task<string?> ProbeAsync()
    {
        if (!File.Exists(Interpreter))
        {
            return $"{Interpreter} does not exist (Debian packages python3 and python3-websockets)";
        }

        using var probe = StartInterpreter(["-c", "import websockets"]);
        probe.StandardInput.Close();
        var stderr = probe.StandardError.ReadToEndAsync();
        try
        {
            await probe.WaitForExitAsync().WaitAsync(Bound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            probe.Kill(entireProcessTree: true);
            return $"'{Interpreter} -c \"import websockets\"' did not finish within {Bound.TotalSeconds:0} s";
        }

        return probe.ExitCode == 0
            ? null
            : $"{Interpreter} cannot import websockets (install Debian's python3-websockets): {(await stderr.ConfigureAwait(false)).Trim()}";
    }

    private void ReadStdout()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                lock (_gate)
                {
                    _lines.Add(line);
                    foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                    {
                        _waiters.Remove(waiter);
                        waiter.Done.TrySetResult();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process is gone.
        }
    }

    private void ReadStderr()
    {
        try
        {
            while (_process.StandardError.ReadLine() is { } line)
            {
                lock (_gate)
                {
                    _stderr.AppendLine(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process is gone.
        }
    }
}
