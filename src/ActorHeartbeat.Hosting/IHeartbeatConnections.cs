using ActorHeartbeat.Connections;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Hosting;

/// <summary>
/// The supervised client connections, for code that is not an actor (controllers, background
/// services). Registered as a singleton by <c>AddActorHeartbeat</c>; usable once the host has started
/// (before, and after it stopped, every member throws <see cref="InvalidOperationException"/>).
/// </summary>
public interface IHeartbeatConnections
{
    /// <summary>
    /// Sends a text message on connection <paramref name="connection"/>. The task completes once the
    /// connection has taken the message: it is then sent at once when the connection is up, or kept in
    /// its send buffer (<c>send-buffer</c>) until it is.
    /// </summary>
    /// <param name="connection">The connection id.</param>
    /// <param name="text">The message.</param>
    /// <param name="cancellationToken">Stops waiting; the message may have been taken already.</param>
    /// <exception cref="SendRejectedException">
    /// No connection has the id, or the connection did not take the message: its send buffer is full
    /// with <c>overflow = reject</c>, it is being removed, or it stopped (gave up, was removed) before
    /// it saw the message. A message taken into the send buffer can still be refused later, when the
    /// connection is removed or gives up before it comes up: that refusal is logged as a warning and
    /// counted in <see cref="LateRejections"/>, never dropped silently (and with
    /// <c>overflow = drop-oldest</c> a buffered message may make room for a newer one, counted in the
    /// <c>actorheartbeat.sends.dropped</c> metric).
    /// </exception>
    /// <exception cref="InvalidOperationException">The host has not started or has stopped.</exception>
    Task SendAsync(string connection, string text, CancellationToken cancellationToken = default);

    /// <summary>Sends a binary message; otherwise as <see cref="SendAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="connection">The connection id.</param>
    /// <param name="bytes">The message (copied before the call returns).</param>
    /// <param name="cancellationToken">Stops waiting; the message may have been taken already.</param>
    /// <exception cref="SendRejectedException">As for text messages.</exception>
    /// <exception cref="InvalidOperationException">The host has not started or has stopped.</exception>
    Task SendAsync(string connection, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends made through this facade that the connection took into its send buffer and refused later,
    /// after <c>SendAsync</c> had completed (the connection was removed or gave up before it came up).
    /// Each is also logged.
    /// </summary>
    long LateRejections { get; }

    /// <summary>Starts supervising one more connection; it begins connecting at once.</summary>
    /// <param name="settings">The connection (see <see cref="CreateSettings"/> for one based on the configured defaults).</param>
    /// <param name="cancellationToken">Stops waiting for the manager's answer.</param>
    /// <exception cref="ConnectionCommandRejectedException">A connection with the same id exists already.</exception>
    /// <exception cref="InvalidOperationException">The host has not started or has stopped.</exception>
    Task AddAsync(ConnectionSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Closes a connection gracefully (close frame within its <c>close-timeout</c>, then abort) and stops supervising it.</summary>
    /// <param name="connection">The connection id.</param>
    /// <param name="cancellationToken">Stops waiting for the manager's answer.</param>
    /// <exception cref="ConnectionCommandRejectedException">No connection has the id.</exception>
    /// <exception cref="InvalidOperationException">The host has not started or has stopped.</exception>
    Task RemoveAsync(string connection, CancellationToken cancellationToken = default);

    /// <summary>The liveness of every connection (state, since, attempts, last reason, round trips), ordered by id.</summary>
    /// <param name="cancellationToken">Stops waiting for the registry's answer.</param>
    /// <exception cref="InvalidOperationException">The host has not started or has stopped.</exception>
    Task<LivenessSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes to the inbound messages and liveness transitions of one connection, or of all when
    /// <paramref name="connection"/> is null. Notifications are buffered per subscription in a bounded
    /// queue of <paramref name="capacity"/>; when the consumer falls behind, the oldest are dropped and
    /// counted (<see cref="IHeartbeatSubscription.Dropped"/>, <see cref="ConnectionNotification.DroppedBefore"/>,
    /// and a warning in the log). The subscription ends, and unsubscribes, when its enumeration is disposed
    /// or cancelled, when it is disposed, or when the host stops (the enumeration then ends normally).
    /// </summary>
    /// <param name="connection">The connection id, or null for all connections.</param>
    /// <param name="capacity">The most notifications waiting for the consumer; default 1024, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The host has not started or has stopped.</exception>
    IHeartbeatSubscription Subscribe(string? connection = null, int capacity = 1024);

    /// <summary>
    /// Builds the settings of a connection from the configured <c>connection-defaults</c> (HOCON files
    /// over reference.conf) with <paramref name="url"/>, then applies <paramref name="configure"/>: the
    /// same rules as <c>AddConnection</c> on the builder, for connections added at runtime.
    /// </summary>
    /// <param name="id">The connection id.</param>
    /// <param name="url">A <c>ws://</c> or <c>wss://</c> URL.</param>
    /// <param name="configure">Changes to the defaults (return a modified copy, e.g. with <c>with</c>); null for none.</param>
    /// <exception cref="ArgumentException">The id is empty, the URL is not ws:// or wss://, or <paramref name="configure"/> changed the id.</exception>
    /// <exception cref="InvalidOperationException">The host has not started or has stopped.</exception>
    ConnectionSettings CreateSettings(string id, string url, Func<ConnectionSettings, ConnectionSettings>? configure = null);
}
