using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ActorHeartbeat.Server;

/// <summary>Maps the heartbeat server's WebSocket endpoint.</summary>
public static class HeartbeatEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the WebSocket endpoint at <paramref name="path"/> (null: the settings' <c>path</c>, default
    /// <c>/ws</c>). The endpoint brings its own WebSocket middleware, so <c>UseWebSockets</c> is not needed.
    /// Each accepted socket is owned by a session actor of the registered <see cref="HeartbeatServer"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">AddActorHeartbeatServer was not called on the services.</exception>
    public static IEndpointConventionBuilder MapActorHeartbeat(this IEndpointRouteBuilder endpoints, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var server = endpoints.ServiceProvider.GetService<HeartbeatServer>()
            ?? throw new InvalidOperationException("The heartbeat server is not registered: call services.AddActorHeartbeatServer(...) before MapActorHeartbeat.");
        var pipeline = endpoints.CreateApplicationBuilder();

        // The protocol keepalive is set per socket from the server's settings when it is accepted.
        pipeline.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        pipeline.Run(server.HandleAsync);
        return endpoints.Map(path ?? server.Settings.Path, pipeline.Build()).WithDisplayName("ActorHeartbeat WebSocket endpoint");
    }
}
