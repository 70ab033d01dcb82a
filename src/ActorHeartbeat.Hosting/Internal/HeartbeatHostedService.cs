using Microsoft.Extensions.Hosting;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>Starts the connections with the host and closes them gracefully when it stops.</summary>
internal sealed class HeartbeatHostedService(HeartbeatRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
