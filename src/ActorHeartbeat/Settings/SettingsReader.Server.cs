using ActorHeartbeat.Core;
using ActorHeartbeat.Hocon;

namespace ActorHeartbeat.Settings;

/// <summary>Reading the server's settings (<c>actor-heartbeat.server</c>).</summary>
public static partial class SettingsReader
{
    /// <summary>
    /// Reads <see cref="ServerSettings"/> from a resolved configuration (usually <see cref="ConfigLoader.Load"/>,
    /// so reference.conf supplies the defaults).
    /// </summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range; the message names the file, line and key.</exception>
    public static ServerSettings ReadServer(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = config.GetConfig(Root);
        const string prefix = Root + ".server.";
        var c = root.GetConfig("server");
        var reader = new Reader(c, prefix);

        var path = c.GetString("path");
        Require(c, "path", prefix + "path",
            path.StartsWith('/') && !path.Contains('?', StringComparison.Ordinal) && !path.Contains('#', StringComparison.Ordinal) && !path.Any(char.IsWhiteSpace),
            $"must be a request path starting with '/', without query or spaces, was '{path}'");

        var origins = c.GetStringList("allowed-origins");
        for (var i = 0; i < origins.Count; i++)
        {
            Require(c, "allowed-origins", $"{prefix}allowed-origins[{i}]", origins[i].Trim().Length > 0, "must not be empty");
        }

        var rttSamples = root.GetInt("registry.rtt-samples");
        Require(root, "registry.rtt-samples", $"{Root}.registry.rtt-samples", rttSamples >= 1, "must be at least 1");

        return new ServerSettings
        {
            Path = path,
            MaxConnections = reader.AtLeast("max-connections", 1),
            MaxMessageSize = reader.Size("max-message-size"),
            AllowedOrigins = [.. origins.Select(o => o.Trim())],
            CloseTimeout = reader.Positive("close-timeout"),
            SendQueueCapacity = reader.AtLeast("send-queue", 1),
            Keepalive = reader.Keepalive(),
            Heartbeat = new HeartbeatRules(reader.Heartbeat(), reader.PositiveOrOff("idle-timeout"), reader.Respond()),
            RttSamples = rttSamples,
        };
    }
}
