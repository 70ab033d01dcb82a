namespace ActorHeartbeat.Hosting;

/// <summary>
/// One subscription made with <see cref="IHeartbeatConnections.Subscribe"/>: enumerate it once (with
/// <c>await foreach</c>) to read its notifications in arrival order. Disposing the enumeration, cancelling
/// it, or disposing the subscription ends it and unsubscribes.
/// </summary>
public interface IHeartbeatSubscription : IAsyncEnumerable<ConnectionNotification>, IAsyncDisposable
{
    /// <summary>The connection id it is limited to, or null for all connections.</summary>
    string? Connection { get; }

    /// <summary>The most notifications waiting for the consumer before the oldest is dropped.</summary>
    int Capacity { get; }

    /// <summary>Notifications dropped so far because the consumer was too slow.</summary>
    long Dropped { get; }

    /// <summary>
    /// Completes once the connection manager delivers to this subscription: nothing that happens after
    /// it completed is missed. Faults with <see cref="InvalidOperationException"/> when the subscription
    /// ended first.
    /// </summary>
    Task Ready { get; }
}
