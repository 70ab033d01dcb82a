using System.Runtime.InteropServices;

namespace ActorHeartbeat.Cli.Commands;

/// <summary>Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation, instead of killing the process, so connections close gracefully.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    private ShutdownSignal()
    {
    }

    public CancellationToken Token => _stop.Token;

    public static ShutdownSignal Create()
    {
        var signal = new ShutdownSignal();
        foreach (var posix in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            signal._registrations.Add(PosixSignalRegistration.Create(posix, context =>
            {
                context.Cancel = true;
                signal._stop.Cancel();
            }));
        }

        return signal;
    }

    public void Dispose()
    {
        _registrations.ForEach(r => r.Dispose());
        _stop.Dispose();
    }
}
