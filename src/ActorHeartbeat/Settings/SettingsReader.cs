using System.Globalization;
using ActorHeartbeat.Core;
using ActorHeartbeat.Hocon;

namespace ActorHeartbeat.Settings;

/// <summary>
/// Reads <see cref="ActorHeartbeatSettings"/> from a resolved configuration (usually
/// <see cref="ConfigLoader.Load"/>, so reference.conf supplies the defaults). Every bad value is a
/// <see cref="HoconException"/> that names the file, line and key — never a silent default.
/// </summary>
public static partial class SettingsReader
{
    private const string Root = "actor-heartbeat";

    /// <summary>Reads the client-side settings.</summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range; the message says where.</exception>
    public static ActorHeartbeatSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = config.GetConfig(Root);
        var defaults = root.GetConfig("connection-defaults");
        var connections = new List<ConnectionSettings>();
        if (root.HasPath("connections"))
        {
            foreach (var id in root.GetObject("connections").Keys.Order(StringComparer.Ordinal))
            {
                var path = $"connections.{Quote(id)}";
                if (root.GetValue(path) is not HoconObject)
                {
                    throw Problem(root, path, $"{Root}.connections.{id}", "must be an object of settings");
                }

                var merged = root.GetConfig(path).WithFallback(defaults);
                connections.Add(ReadConnection(id, merged, $"{Root}.connections.{id}."));
            }
        }

        var rttSamples = root.GetInt("registry.rtt-samples");
        Require(root, "registry.rtt-samples", $"{Root}.registry.rtt-samples", rttSamples >= 1, "must be at least 1");
        var rate = root.GetDouble("max-reconnects-per-second");
        Require(root, "max-reconnects-per-second", $"{Root}.max-reconnects-per-second", rate > 0 && double.IsFinite(rate), "must be a positive number");
        return new ActorHeartbeatSettings(connections, rttSamples, rate);
    }

    /// <summary>Reads one connection from a config holding the keys of <c>connection-defaults</c>.</summary>
    /// <param name="id">The connection id.</param>
    /// <param name="c">The merged settings of the connection.</param>
    /// <param name="prefix">How keys are named in errors, e.g. <c>actor-heartbeat.connections.feed.</c>.</param>
    /// <exception cref="HoconException">A value is bad; the message says where.</exception>
    public static ConnectionSettings ReadConnection(string id, Config c, string prefix)
    {
        ArgumentNullException.ThrowIfNull(c);
        var reader = new Reader(c, prefix);
        return new ConnectionSettings
        {
            Id = id,
            Url = reader.Url("url"),
            ConnectTimeout = reader.Positive("connect-timeout"),
            CloseTimeout = reader.Positive("close-timeout"),
            Headers = reader.Headers("headers"),
            Subprotocols = c.GetStringList("subprotocols"),
            MaxMessageSize = reader.Size("max-message-size"),
            OnConnect = c.GetStringList("on-connect"),
            SendBufferCapacity = reader.AtLeast("send-buffer.capacity", 1),
            SendBufferOverflow = reader.Choice("send-buffer.overflow", new Dictionary<string, OverflowPolicy>
            {
                ["reject"] = OverflowPolicy.Reject,
                ["drop-oldest"] = OverflowPolicy.DropOldest,
            }),
            Keepalive = reader.Keepalive(),
            Heartbeat = new HeartbeatRules(reader.Heartbeat(), reader.PositiveOrOff("idle-timeout"), reader.Respond()),
            Backoff = reader.Backoff(),
        };
    }

    private static string Quote(string key) => "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static HoconException Problem(Config config, string path, string name, string problem)
    {
        var origin = config.HasPathOrNull(path) ? config.GetOrigin(path) : new HoconOrigin("<unknown>", 0, 0);
        return new HoconException($"{origin}: {name} {problem}", origin);
    }

    private static void Require(Config config, string path, string name, bool ok, string problem)
    {
        if (!ok)
        {
            throw Problem(config, path, name, problem);
        }
    }

    private sealed class Reader(Config c, string prefix)
    {
        public Uri Url(string key)
        {
            if (!c.HasPath(key))
            {
                var origin = c.HasPathOrNull(key) ? c.GetOrigin(key) : new HoconOrigin("<unknown>", 0, 0);
                throw new HoconException($"{origin}: {prefix}{key} is not set: every connection needs a ws:// or wss:// URL", origin);
            }

            var text = c.GetString(key);
            Require(c, key, prefix + key,
                Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" && !string.IsNullOrEmpty(uri.Host),
                $"'{text}' is not a ws:// or wss:// URL");
            return uri!;
        }

        public TimeSpan Positive(string key)
        {
            var value = c.GetDuration(key);
            Require(c, key, prefix + key, value > TimeSpan.Zero, $"must be positive, was {Format(value)}");
            return value;
        }

        public TimeSpan? PositiveOrOff(string key)
        {
            var value = c.GetDurationOrOff(key);
            Require(c, key, prefix + key, value is null || value > TimeSpan.Zero, $"must be positive or off, was {Format(value ?? TimeSpan.Zero)}");
            return value;
        }

        public int AtLeast(string key, int min)
        {
            var value = c.GetInt(key);
            Require(c, key, prefix + key, value >= min, $"must be at least {min}, was {value}");
            return value;
        }

        public int Size(string key)
        {
            var value = c.GetBytes(key);
            Require(c, key, prefix + key, value is >= 1 and <= int.MaxValue, $"must be between 1 B and 2 GiB, was {value} B");
            return (int)value;
        }

        public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        {
            var text = c.GetString(key);
            Require(c, key, prefix + key, choices.ContainsKey(text), $"must be one of {string.Join(", ", choices.Keys)}, was '{text}'");
            return choices[text];
        }

        public IReadOnlyDictionary<string, string> Headers(string key)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in c.GetObject(key).Keys)
            {
                var path = $"{key}.{Quote(name)}";
                Require(c, path, $"{prefix}{key}.{name}", c.GetValue(path) is HoconScalar { Kind: not HoconScalarKind.Null }, "must be a string value");
                headers[name] = c.GetString(path);
            }

            return headers;
        }

        public KeepaliveSettings? Keepalive()
        {
            var interval = PositiveOrOff("keepalive.interval");
            if (interval is null)
            {
                return null;
            }

            var timeout = PositiveOrOff("keepalive.timeout");
            return new KeepaliveSettings(interval.Value, timeout ?? Timeout.InfiniteTimeSpan);
        }

        public ApplicationHeartbeat? Heartbeat()
        {
            if (!c.GetBoolean("heartbeat.enabled"))
            {
                return null;
            }

            var payload = c.GetString("heartbeat.payload");
            Require(c, "heartbeat.payload", prefix + "heartbeat.payload", payload.Length > 0, "must not be empty");
            return new ApplicationHeartbeat(
                Positive("heartbeat.interval"),
                Positive("heartbeat.timeout"),
                MessageTemplate.Parse(payload),
                Matcher("heartbeat.pong"),
                OptionalString("heartbeat.pong.correlate"),
                c.GetBoolean("heartbeat.count-any-inbound"));
        }

        public PingResponder? Respond()
        {
            if (!c.GetBoolean("respond.enabled"))
            {
                return null;
            }

            return new PingResponder(Matcher("respond.ping"), MessageTemplate.Parse(c.GetString("respond.reply")));
        }

        public BackoffPolicy Backoff()
        {
            var min = Positive("backoff.min");
            var max = Positive("backoff.max");
            Require(c, "backoff.max", prefix + "backoff.max", max >= min, $"must be at least backoff.min ({Format(min)}), was {Format(max)}");
            var multiplier = c.GetDouble("backoff.multiplier");
            Require(c, "backoff.multiplier", prefix + "backoff.multiplier", multiplier >= 1 && double.IsFinite(multiplier), $"must be at least 1, was {multiplier.ToString(CultureInfo.InvariantCulture)}");
            var factor = c.GetDouble("backoff.random-factor");
            Require(c, "backoff.random-factor", prefix + "backoff.random-factor", factor >= 0 && double.IsFinite(factor), $"must be at least 0, was {factor.ToString(CultureInfo.InvariantCulture)}");
            var jitter = Choice("backoff.jitter", new Dictionary<string, JitterMode>
            {
                ["random-factor"] = JitterMode.RandomFactor,
                ["full"] = JitterMode.Full,
            });
            var resetAfter = c.GetDuration("backoff.reset-after");
            Require(c, "backoff.reset-after", prefix + "backoff.reset-after", resetAfter >= TimeSpan.Zero, "must not be negative");
            int? maxRetries = null;
            if (c.GetValue("backoff.max-retries") is HoconScalar { Kind: HoconScalarKind.String } s && s.Text is "infinite" or "off")
            {
                maxRetries = null;
            }
            else
            {
                maxRetries = AtLeast("backoff.max-retries", 0);
            }

            return new BackoffPolicy(min, max, multiplier, factor, jitter, resetAfter, maxRetries);
        }

        private MessageMatcher Matcher(string key)
        {
            if (OptionalString($"{key}.text") is { } text)
            {
                return MessageMatcher.ExactText(text);
            }

            var field = OptionalString($"{key}.json-field");
            Require(c, $"{key}.json-field", $"{prefix}{key}.json-field", field is { Length: > 0 }, "must be set when text is not");
            return MessageMatcher.JsonFieldEquals(field!, OptionalString($"{key}.equals"));
        }

        private string? OptionalString(string key) => c.HasPath(key) ? c.GetString(key) : null;

        private static string Format(TimeSpan value) => value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
    }
}
