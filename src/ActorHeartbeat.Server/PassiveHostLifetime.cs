using Microsoft.Extensions.Hosting;

namespace ActorHeartbeat.Server;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM alone: an embedded server is stopped by its owner
/// (the serve command's own signal handling, a demo, a test), not by the console.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
