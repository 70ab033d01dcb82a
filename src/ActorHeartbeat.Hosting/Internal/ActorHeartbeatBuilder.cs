using Microsoft.Extensions.DependencyInjection;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>The builder returned by <c>AddActorHeartbeat</c>.</summary>
internal sealed class ActorHeartbeatBuilder(IServiceCollection services) : IActorHeartbeatBuilder
{
    public IServiceCollection Services { get; } = services;
}
