using ActorHeartbeat.Core;

namespace ActorHeartbeat.Registry;

/// <summary>
/// A liveness transition of one connection, published on the actor system's event stream by the
/// <see cref="LivenessRegistry"/> and written as one JSON line by <c>--events jsonl</c>.
/// </summary>
/// <param name="Timestamp">Wall-clock time of the transition (UTC).</param>
/// <param name="Connection">The connection id.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Attempt">The attempt number (connecting, up, backoff: the next attempt).</param>
/// <param name="Reason">Why it went down (down, gave-up, removed).</param>
/// <param name="Detail">A human-readable detail of the reason.</param>
/// <param name="RoundTrip">The latest round trip (up: none yet; down: the last one), or null.</param>
/// <param name="Delay">The backoff delay (backoff).</param>
public sealed record ConnectionEvent(
    DateTimeOffset Timestamp,
    string Connection,
    ConnectionEventKind Kind,
    int? Attempt = null,
    DisconnectReason? Reason = null,
    string? Detail = null,
    TimeSpan? RoundTrip = null,
    TimeSpan? Delay = null);
