using ActorHeartbeat.Hosting;
using ActorHeartbeat.Hosting.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ActorHeartbeat health check to <see cref="IHealthChecksBuilder"/>.</summary>
public static class ActorHeartbeatHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check over the liveness of the supervised connections (needs <c>AddActorHeartbeat</c>).
    /// Healthy when the share of connections up is at least <see cref="ActorHeartbeatHealthCheckOptions.DegradedBelow"/>
    /// (default 1.0), degraded when it is below that but at least <see cref="ActorHeartbeatHealthCheckOptions.UnhealthyBelow"/>
    /// (default 0.5), otherwise <paramref name="failureStatus"/>. Zero connections is healthy with the
    /// description "no connections are supervised"; before the host started or after it stopped, the check
    /// reports <paramref name="failureStatus"/>. The data holds the counts: <c>total</c>, <c>up</c>,
    /// <c>connecting</c>, <c>down</c>, <c>backing-off</c>, <c>gave-up</c>; the description names the connections not up.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; default <c>actor-heartbeat</c>.</param>
    /// <param name="configure">Sets the thresholds; null for the defaults.</param>
    /// <param name="failureStatus">What unhealthy is reported as; null for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>); null for none.</param>
    /// <param name="timeout">How long the check may take; null for no limit of its own.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The thresholds do not satisfy 0 ≤ UnhealthyBelow ≤ DegradedBelow ≤ 1.</exception>
    public static IHealthChecksBuilder AddActorHeartbeatHealthCheck(
        this IHealthChecksBuilder builder,
        string name = "actor-heartbeat",
        Action<ActorHeartbeatHealthCheckOptions>? configure = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var options = new ActorHeartbeatHealthCheckOptions();
        configure?.Invoke(options);
        options.Validate();
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new ActorHeartbeatHealthCheck(provider.GetRequiredService<IHeartbeatConnections>(), options),
            failureStatus,
            tags,
            timeout));
    }
}
