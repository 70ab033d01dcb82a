using System.Threading.Channels;
using ActorHeartbeat.Actors;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// A subscription: a bounded channel (oldest dropped when full, every drop counted) filled by a
/// <see cref="SubscriberActor"/>, read by one enumeration. Each notification read carries the drops
/// since the previous read; the first drop of each overflow is logged as a warning.
/// </summary>
internal sealed class HeartbeatSubscription : IHeartbeatSubscription
{
    private readonly Channel<ConnectionNotification> _channel;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger;
    private readonly ActorSystem _system;
    private readonly IActorRef _actor;
    private long _dropped;
    private long _reported;
    private int _warned;
    private int _enumerated;
    private int _disposed;

    public HeartbeatSubscription(ActorSystem system, IActorRef manager, string? connection, int capacity, ILogger logger)
    {
        Connection = connection;
        Capacity = capacity;
        _logger = logger;
        _system = system;
        _channel = Channel.CreateBounded<ConnectionNotification>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            OnDropped);
        _actor = system.ActorOf(SubscriberActor.Props(manager, connection, _channel.Writer, _ready, _stopped));
    }

    public string? Connection { get; }

    public int Capacity { get; }

    public long Dropped => Interlocked.Read(ref _dropped);

    public Task Ready => _ready.Task;

    public IAsyncEnumerator<ConnectionNotification> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("a subscription can be enumerated only once; subscribe again for a second reader");
        }

        return ReadAll(cancellationToken);
    }

    /// <summary>Ends the subscription; completes once the manager has been told to unsubscribe it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // The actor unsubscribes and completes the channel when it stops.
            try
            {
                _system.Stop(_actor);
            }
            catch (InvalidOperationException)
            {
                // The system is gone, and with it the subscription.
                _stopped.TrySetResult();
            }
        }

        await _stopped.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Completes once every notification the manager sent to this subscription before it answers a round
    /// trip from the subscription has been queued (or dropped and counted).
    /// </summary>
    internal Task SyncAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.Tell(new SubscriberActor.Sync(done));
        return done.Task;
    }

    private async IAsyncEnumerator<ConnectionNotification> ReadAll(CancellationToken cancellationToken)
    {
        try
        {
            var reader = _channel.Reader;
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var notification))
                {
                    yield return Stamp(notification);
                }
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    private ConnectionNotification Stamp(ConnectionNotification notification)
    {
        var total = Interlocked.Read(ref _dropped);
        var since = total - _reported;
        if (since == 0)
        {
            return notification;
        }

        _reported = total;
        Volatile.Write(ref _warned, 0);
        return notification with { DroppedBefore = since };
    }

    private void OnDropped(ConnectionNotification dropped)
    {
        var total = Interlocked.Increment(ref _dropped);
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Log.SubscriberDropping(_logger, Connection ?? "all connections", total);
        }
    }
}
