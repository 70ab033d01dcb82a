using System.Globalization;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// The client settings of the integration tests, written in HOCON and read by <see cref="SettingsReader"/>
/// over reference.conf, as a user's file would be. Small intervals keep the tests fast; backoff has no
/// jitter so its delays are exact.
/// </summary>
internal static class ClientConfig
{
    public const string ConnectionId = "peer";

    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan KeepaliveInterval = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan KeepaliveTimeout = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan BackoffMin = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan BackoffMax = TimeSpan.FromMilliseconds(500);

    /// <summary>Application heartbeat on (our JSON ping with seq unless <paramref name="heartbeat"/> overrides keys), protocol keepalive off.</summary>
    public static ConnectionSettings ApplicationHeartbeat(Uri url, string heartbeat = "") => Read(url, $$"""
        keepalive.interval = off
        heartbeat { enabled = on, interval = {{Ms(HeartbeatInterval)}}, timeout = {{Ms(HeartbeatTimeout)}} }
        heartbeat { {{heartbeat}} }
        """);

    /// <summary>Protocol keepalive only (RFC 6455 ping/pong run by the runtime); no application heartbeat.</summary>
    public static ConnectionSettings KeepaliveOnly(Uri url) => Read(url, $$"""
        keepalive { interval = {{Ms(KeepaliveInterval)}}, timeout = {{Ms(KeepaliveTimeout)}} }
        heartbeat.enabled = off
        """);

    private static ConnectionSettings Read(Uri url, string liveness)
    {
        var text = $$"""
            actor-heartbeat.connections.{{ConnectionId}} {
              url = "{{url}}"
              connect-timeout = {{Ms(ConnectTimeout)}}
              close-timeout = {{Ms(CloseTimeout)}}
              backoff { min = {{Ms(BackoffMin)}}, max = {{Ms(BackoffMax)}}, multiplier = 2.0, random-factor = 0, reset-after = 30s }
              {{liveness}}
            }
            """;
        return Assert.Single(SettingsReader.Read(ConfigLoader.LoadText(text, "integration.conf")).Connections);
    }

    private static string Ms(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0}ms");
}
