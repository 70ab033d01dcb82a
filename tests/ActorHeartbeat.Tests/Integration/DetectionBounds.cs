namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// How long detecting a fault and recovering from it may take, in real time. Each bound is the
/// design's rule plus <see cref="Margin"/> for scheduling on a loaded machine.
/// </summary>
internal static class DetectionBounds
{
    /// <summary>Scheduling slack on top of every rule (thread pool, timers, a busy 2-core machine).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>How long a healthy phase lasts: several heartbeat intervals, none may end in a down.</summary>
    public static readonly TimeSpan HealthyPhase = TimeSpan.FromMilliseconds(1200);

    /// <summary>
    /// The application heartbeat's rule (DESIGN: dead-peer detection within interval + timeout): the
    /// next ping goes out within one interval of the fault, and its deadline is the timeout after it.
    /// </summary>
    public static TimeSpan ApplicationHeartbeat =>
        ClientConfig.HeartbeatInterval + ClientConfig.HeartbeatTimeout + Margin;

    /// <summary>
    /// The protocol keepalive of <see cref="System.Net.WebSockets.ClientWebSocket"/> (.NET 10): a timer
    /// with period min(interval, timeout) / 4 sends a ping once nothing arrived for the interval and
    /// aborts the socket once that ping is unanswered for the timeout, so each of the two steps may
    /// come up to one period late: interval + timeout + 2 periods.
    /// </summary>
    public static TimeSpan ProtocolKeepalive =>
        ClientConfig.KeepaliveInterval + ClientConfig.KeepaliveTimeout + (2 * KeepaliveTimerPeriod) + Margin;

    /// <summary>A reset socket fails the pending receive at once.</summary>
    public static TimeSpan Reset => Margin;

    /// <summary>
    /// From healing (or a reset) to up again: an attempt caught in the fault ends within connect-timeout
    /// (its handshake bytes may have been dropped), and the next one starts within backoff max. The
    /// failed connection's close handshake runs on the side and delays nothing.
    /// </summary>
    public static TimeSpan Recovery =>
        ClientConfig.ConnectTimeout + ClientConfig.BackoffMax + Margin;

    private static TimeSpan KeepaliveTimerPeriod =>
        (ClientConfig.KeepaliveInterval < ClientConfig.KeepaliveTimeout ? ClientConfig.KeepaliveInterval : ClientConfig.KeepaliveTimeout) / 4;
}
