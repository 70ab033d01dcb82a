using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ActorHeartbeat.Hocon.Tests.Configuration;

/// <summary>
/// A physical file provider whose change notifications the test raises itself with
/// <see cref="SignalChange"/>, so a reload happens exactly when the test says.
/// </summary>
internal sealed class TriggeredFileProvider(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _files = new(root);
    private CancellationTokenSource _changed = new();

    public IFileInfo GetFileInfo(string subpath) => _files.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => _files.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>Fires the tokens handed out so far; watchers re-subscribe to a fresh one.</summary>
    public void SignalChange()
    {
        // Swap first: the callbacks run inside Cancel and immediately call Watch again.
        CancellationTokenSource fired = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        fired.Cancel();
    }

    public void Dispose()
    {
        _changed.Dispose();
        _files.Dispose();
    }
}
