using System.Globalization;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ActorHeartbeat.Hosting.HealthChecks;

/// <summary>Healthy, degraded or unhealthy by the share of connections up; data: the count per state.</summary>
internal sealed class ActorHeartbeatHealthCheck(IHeartbeatConnections connections, ActorHeartbeatHealthCheckOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        LivenessSnapshot snapshot;
        try
        {
            snapshot = await connections.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message, e);
        }

        return Evaluate(snapshot, options, context.Registration.FailureStatus);
    }

    /// <summary>The verdict for <paramref name="snapshot"/>; <paramref name="failureStatus"/> is what "unhealthy" means for this registration.</summary>
    public static HealthCheckResult Evaluate(LivenessSnapshot snapshot, ActorHeartbeatHealthCheckOptions options, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var all = snapshot.Connections;
        var counts = Enum.GetValues<ConnectionState>().ToDictionary(s => s, s => all.Count(c => c.State == s));
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["total"] = all.Count };
        foreach (var (state, count) in counts)
        {
            data[StateName(state)] = count;
        }

        if (all.Count == 0)
        {
            return new HealthCheckResult(HealthStatus.Healthy, "no connections are supervised", data: data);
        }

        var up = counts[ConnectionState.Up];
        var share = (double)up / all.Count;
        var description = string.Create(CultureInfo.InvariantCulture, $"{up} of {all.Count} connections up ({share * 100:0}%)");
        var notUp = all.Where(c => c.State != ConnectionState.Up).ToList();
        if (notUp.Count > 0 && options.MaxListed > 0)
        {
            var listed = string.Join(", ", notUp.Take(options.MaxListed).Select(c => $"{c.Id} ({StateName(c.State)})"));
            description += $"; not up: {listed}{(notUp.Count > options.MaxListed ? $" and {notUp.Count - options.MaxListed} more" : string.Empty)}";
        }

        var status = share < options.UnhealthyBelow ? failureStatus
            : share < options.DegradedBelow ? HealthStatus.Degraded
            : HealthStatus.Healthy;
        return new HealthCheckResult(status, description, data: data);
    }

    private static string StateName(ConnectionState state) => state switch
    {
        ConnectionState.Connecting => "connecting",
        ConnectionState.Up => "up",
        ConnectionState.Down => "down",
        ConnectionState.BackingOff => "backing-off",
        ConnectionState.GaveUp => "gave-up",
        _ => state.ToString().ToLowerInvariant(),
    };
}
