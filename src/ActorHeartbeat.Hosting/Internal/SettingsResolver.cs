using System.Text.Json;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;
using Microsoft.Extensions.Hosting;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// Turns the builder's sources into settings: HOCON files and texts layered in order (later wins) over
/// reference.conf, resolved, read by <see cref="SettingsReader"/>; then the code connections, each
/// merged onto <c>connection-defaults</c> and passed through its configure callback. An id defined both
/// in HOCON and in code, or twice in code, is an error naming both places. The outcome is kept per
/// options instance, so validation and start see the same settings and files are read once.
/// </summary>
internal sealed class SettingsResolver(IHostEnvironment? environment = null)
{
    private const string Root = "actor-heartbeat";
    private readonly object _gate = new();
    private ActorHeartbeatOptions? _lastOptions;
    private ResolvedSettings? _last;

    /// <summary>The directory relative HOCON paths start from: the host's content root, else the current directory.</summary>
    public string ContentRoot => environment?.ContentRootPath is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();

    public ResolvedSettings Resolve(ActorHeartbeatOptions options)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(options, _lastOptions) || _last is null)
            {
                _last = ResolveUncached(options);
                _lastOptions = options;
            }

            return _last;
        }
    }

    /// <summary>One connection from <paramref name="defaults"/> with <paramref name="url"/>, then <paramref name="configure"/>.</summary>
    /// <exception cref="HoconException">The URL (or a default) is bad; the message names <paramref name="definedAt"/>.</exception>
    /// <exception cref="ArgumentException">The callback returned null, changed the id or set a URL that is not ws:// or wss://.</exception>
    public static ConnectionSettings BuildConnection(Config defaults, string id, string url, Func<ConnectionSettings, ConnectionSettings>? configure, string definedAt)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException($"{definedAt}: a connection id must not be empty", nameof(id));
        }

        // A JSON string is a valid quoted HOCON string, so any URL text is taken literally.
        var own = HoconParser.Parse($"url = {JsonSerializer.Serialize(url)}", definedAt, new HoconParseOptions { Resolve = false });
        var merged = own.WithFallback(defaults).Resolve();
        var settings = SettingsReader.ReadConnection(id, merged, $"{Root}.connections.{id}.");
        if (configure is null)
        {
            return settings;
        }

        var configured = configure(settings)
            ?? throw new ArgumentException($"{definedAt}: the configure callback of connection '{id}' returned null", nameof(configure));
        if (!string.Equals(configured.Id, id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{definedAt}: the configure callback of connection '{id}' changed its id to '{configured.Id}'", nameof(configure));
        }

        if (configured.Url is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            throw new ArgumentException($"{definedAt}: the configure callback of connection '{id}' set the URL '{configured.Url}', which is not a ws:// or wss:// URL", nameof(configure));
        }

        return configured;
    }

    private ResolvedSettings ResolveUncached(ActorHeartbeatOptions options)
    {
        Config config;
        ActorHeartbeatSettings fromHocon;
        try
        {
            config = Load(options.Sources);
            fromHocon = SettingsReader.Read(config);
        }
        catch (HoconException e)
        {
            return new ResolvedSettings(null, null, e.Message);
        }

        var defaults = config.GetConfig($"{Root}.connection-defaults");
        var hoconIds = fromHocon.Connections.ToDictionary(c => c.Id, c => $"{OriginOf(config, c.Id)} ({Root}.connections.{c.Id})", StringComparer.Ordinal);
        var codeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var connections = new List<ConnectionSettings>(fromHocon.Connections);
        foreach (var code in options.Connections)
        {
            var here = $"AddConnection(\"{code.Id}\") at {code.DefinedAt}";
            if (hoconIds.TryGetValue(code.Id, out var first) || codeIds.TryGetValue(code.Id, out first))
            {
                return new ResolvedSettings(null, null, $"connection '{code.Id}' is defined twice: {first} and {here}");
            }

            codeIds.Add(code.Id, here);
            try
            {
                connections.Add(BuildConnection(defaults, code.Id, code.Url, code.Configure, here));
            }
            catch (Exception e) when (e is HoconException or ArgumentException)
            {
                return new ResolvedSettings(null, null, e.Message);
            }
#pragma warning disable CA1031 // A user callback may throw anything; it must become a start failure that names the connection.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return new ResolvedSettings(null, null, $"{here}: the configure callback of connection '{code.Id}' threw {e.GetType().Name}: {e.Message}");
            }
        }

        connections.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new ResolvedSettings(fromHocon with { Connections = connections }, defaults, null);
    }

    private Config Load(IEnumerable<HoconSource> sources)
    {
        Config? layered = null;
        var parse = new HoconParseOptions { Resolve = false };
        foreach (var source in sources)
        {
            Config parsed;
            if (source.Path is { } path)
            {
                var full = Path.GetFullPath(path, ContentRoot);
                if (!File.Exists(full))
                {
                    if (source.Optional)
                    {
                        continue;
                    }

                    throw new HoconException($"{full}: file not found (AddHoconFile(\"{path}\"), relative to the content root {ContentRoot})", new HoconOrigin(full, 0, 0));
                }

                parsed = HoconParser.ParseFile(full, parse);
            }
            else
            {
                parsed = HoconParser.Parse(source.Text!, source.SourceName, parse);
            }

            layered = layered is null ? parsed : parsed.WithFallback(layered);
        }

        return (layered ?? Config.Empty).WithFallback(ConfigLoader.Reference).Resolve();
    }

    private static string OriginOf(Config config, string id)
    {
        var key = $"{Root}.connections.\"{id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        return config.HasPathOrNull(key) ? config.GetOrigin(key).ToString() : "HOCON";
    }
}
