using ActorHeartbeat.Core;

namespace ActorHeartbeat.Settings;

/// <summary>
/// The WebSocket server's settings (HOCON <c>actor-heartbeat.server</c>, see hocon/reference.conf for
/// each key's meaning and default). The defaults here equal reference.conf's.
/// </summary>
public sealed record ServerSettings
{
    /// <summary>The default <see cref="HeartbeatRules"/>: no server pings, no idle timeout, and clients' <c>{"op":"ping"}</c> answered with <c>{"op":"pong","seq":…}</c>.</summary>
    public static HeartbeatRules DefaultRules { get; } = new(
        null,
        null,
        new PingResponder(MessageMatcher.JsonFieldEquals("op", "ping"), MessageTemplate.Parse("""{"op":"pong","seq":{ping.seq}}""")));

    /// <summary>The request path of the endpoint (<c>path</c>), starting with '/'.</summary>
    public string Path { get; init; } = "/ws";

    /// <summary>Concurrent sessions accepted (<c>max-connections</c>); more are refused with HTTP 503.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>The largest inbound message in bytes (<c>max-message-size</c>); a larger one closes the session with 1009.</summary>
    public int MaxMessageSize { get; init; } = 1024 * 1024;

    /// <summary>Origin header values accepted (<c>allowed-origins</c>, compared case-insensitively); empty accepts any. A request without an Origin header is accepted.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>How long the close handshake may take before the socket is aborted (<c>close-timeout</c>).</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages that may wait to be written to one client (<c>send-queue</c>); one more disconnects it as a slow consumer.</summary>
    public int SendQueueCapacity { get; init; } = 1024;

    /// <summary>Protocol keepalive towards clients (<c>keepalive</c>), or null when off.</summary>
    public KeepaliveSettings? Keepalive { get; init; } = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20));

    /// <summary>The server's application pings (<c>heartbeat</c>), idle timeout (<c>idle-timeout</c>) and answers to clients' pings (<c>respond</c>).</summary>
    public HeartbeatRules Heartbeat { get; init; } = DefaultRules;

    /// <summary>Round-trip samples kept per session for its statistics (<c>actor-heartbeat.registry.rtt-samples</c>).</summary>
    public int RttSamples { get; init; } = 128;
}
