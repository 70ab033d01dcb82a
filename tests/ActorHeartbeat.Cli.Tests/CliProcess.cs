using System.Diagnostics;
using System.Text;

namespace ActorHeartbeat.Cli.Tests;

/// <summary>
/// The built <c>actorheartbeat</c> command run as a separate process (ActorHeartbeat.Cli.dll is copied
/// next to the tests), with its streams captured line by line. Disposing kills it if still running.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly object _gate = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _errorLines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _errorWaiters = [];

    private CliProcess(Process process) => _process = process;

    /// <summary>Raised for every line on stdout, on a reader thread.</summary>
    public event Action<string>? OutputLine;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActorHeartbeat.Cli.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Take(e.Data, cli._output, cli._outputClosed, cli.OutputLine);
        process.ErrorDataReceived += (_, e) => cli.Take(e.Data, cli._error, cli._errorClosed, null);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>
    /// The first stderr line that <paramref name="match"/> accepts, whether it came already or comes later;
    /// fails when stderr closes without one.
    /// </summary>
    public Task<string> WaitForErrorLineAsync(Func<string, bool> match)
    {
        lock (_gate)
        {
            if (_errorLines.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }

            if (_errorClosed.Task.IsCompleted)
            {
                return Task.FromException<string>(new InvalidOperationException($"stderr closed without the line.\n{this}"));
            }

            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _errorWaiters.Add((match, done));
            return done.Task;
        }
    }

    /// <summary>Waits for the process to end (killing it after <paramref name="timeout"/>) and for its streams to close.</summary>
    /// <returns>The exit code, or null when it had to be killed.</returns>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
            return null;
        }

        await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    public override string ToString() => $"--- stdout\n{Output}\n--- stderr\n{Error}";

    private void Take(string? line, StringBuilder into, TaskCompletionSource closed, Action<string>? handler)
    {
        var isError = ReferenceEquals(into, _error);
        if (line is null)
        {
            lock (_gate)
            {
                closed.TrySetResult();
                if (isError)
                {
                    _errorWaiters.ForEach(w => w.Done.TrySetException(new InvalidOperationException($"stderr closed without the line.\n{this}")));
                    _errorWaiters.Clear();
                }
            }

            return;
        }

        lock (_gate)
        {
            into.AppendLine(line);
            if (isError)
            {
                _errorLines.Add(line);
                foreach (var waiter in _errorWaiters.Where(w => w.Match(line)).ToList())
                {
                    _errorWaiters.Remove(waiter);
                    waiter.Done.TrySetResult(line);
                }
            }
        }

        handler?.Invoke(line);
    }
}
