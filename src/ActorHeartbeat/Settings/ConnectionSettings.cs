using ActorHeartbeat.Core;

namespace ActorHeartbeat.Settings;

/// <summary>
/// Everything about one supervised connection: <c>connection-defaults</c> with the connection's own
/// overrides merged on top (see hocon/reference.conf for each key's meaning and default).
/// </summary>
public sealed record ConnectionSettings
{
    /// <summary>The connection id (the key under <c>connections</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The <c>ws://</c> or <c>wss://</c> URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>How long a connect (TCP, TLS and handshake) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the close handshake may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Extra handshake headers; values are redacted in logs.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Subprotocols to offer.</summary>
    public IReadOnlyList<string> Subprotocols { get; init; } = [];

    /// <summary>The largest inbound message, in bytes; a larger one ends the connection with close code 1009.</summary>
    public int MaxMessageSize { get; init; } = 1024 * 1024;

    /// <summary>Text messages sent after every successful (re)connect, before buffered sends.</summary>
    public IReadOnlyList<string> OnConnect { get; init; } = [];

    /// <summary>How many sends may wait while the connection is not up.</summary>
    public int SendBufferCapacity { get; init; } = 1024;

    /// <summary>What a full send buffer does.</summary>
    public OverflowPolicy SendBufferOverflow { get; init; } = OverflowPolicy.Reject;

    /// <summary>Protocol keepalive, or null when off.</summary>
    public KeepaliveSettings? Keepalive { get; init; } = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20));

    /// <summary>Application heartbeat, idle timeout and ping answers.</summary>
    public HeartbeatRules Heartbeat { get; init; } = HeartbeatRules.None;

    /// <summary>When a failed connection is tried again.</summary>
    public BackoffPolicy Backoff { get; init; } = BackoffPolicy.Default;
}
