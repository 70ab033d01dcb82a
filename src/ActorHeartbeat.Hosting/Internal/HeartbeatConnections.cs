using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>The <see cref="IHeartbeatConnections"/> facade: every call is a message to the manager or the send coordinator.</summary>
internal sealed class HeartbeatConnections(HeartbeatRuntime runtime) : IHeartbeatConnections
{
    public long LateRejections => runtime.LateRejections;

    public Task SendAsync(string connection, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(text);
        return Send(connection, OutboundMessage.OfText(text), cancellationToken);
    }

    public Task SendAsync(string connection, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Send(connection, OutboundMessage.OfBinary(bytes.Span), cancellationToken);
    }

    public async Task AddAsync(ConnectionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = runtime.Require();
        var reply = await started.Manager.Ask(new ConnectionManager.Add(settings), cancellationToken: cancellationToken).ConfigureAwait(false);
        switch (reply)
        {
            case ConnectionManager.Added:
                Log.Added(runtime.Logger, settings.Id, Redaction.Describe(settings));
                break;
            case ConnectionManager.Rejected rejected:
                throw new ConnectionCommandRejectedException(rejected.Connection, rejected.Reason);
            default:
                throw new InvalidOperationException($"unexpected reply {reply.GetType().Name} to adding connection '{settings.Id}'");
        }
    }

    public async Task RemoveAsync(string connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var started = runtime.Require();
        var reply = await started.Manager.Ask(new ConnectionManager.Remove(connection), cancellationToken: cancellationToken).ConfigureAwait(false);
        switch (reply)
        {
            case ConnectionManager.Removed:
                Log.Removing(runtime.Logger, connection);
                break;
            case ConnectionManager.Rejected rejected:
                throw new ConnectionCommandRejectedException(rejected.Connection, rejected.Reason);
            default:
                throw new InvalidOperationException($"unexpected reply {reply.GetType().Name} to removing connection '{connection}'");
        }
    }

    public Task<LivenessSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        runtime.Require().Manager.Ask<LivenessSnapshot>(new LivenessRegistry.GetLiveness(), cancellationToken: cancellationToken);

    public IHeartbeatSubscription Subscribe(string? connection = null, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var started = runtime.Require();
        return new HeartbeatSubscription(runtime.System, started.Manager, connection, capacity, runtime.Logger);
    }

    public ConnectionSettings CreateSettings(string id, string url, Func<ConnectionSettings, ConnectionSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(url);
        var started = runtime.Require();
        try
        {
            return SettingsResolver.BuildConnection(started.Defaults, id, url, configure, $"CreateSettings(\"{id}\")");
        }
        catch (Hocon.HoconException e)
        {
            throw new ArgumentException(e.Message, nameof(url), e);
        }
    }

    private Task Send(string connection, OutboundMessage message, CancellationToken cancellationToken)
    {
        var started = runtime.Require();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        started.Sends.Tell(new SendCoordinator.Request(connection, message, completion));
        return completion.Task.WaitAsync(cancellationToken);
    }
}
