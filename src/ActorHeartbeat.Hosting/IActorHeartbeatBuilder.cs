using Microsoft.Extensions.DependencyInjection;

namespace ActorHeartbeat.Hosting;

/// <summary>
/// Configures the ActorHeartbeat services added by <c>AddActorHeartbeat</c>: where the HOCON
/// configuration comes from and which connections are defined in code. Every call adds to the same
/// configuration, also across several <c>AddActorHeartbeat</c> calls.
/// </summary>
public interface IActorHeartbeatBuilder
{
    /// <summary>The service collection the services are registered in.</summary>
    IServiceCollection Services { get; }
}
