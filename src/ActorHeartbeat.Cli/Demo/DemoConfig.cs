using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// The demo's configuration, written as HOCON and read by the same <see cref="SettingsReader"/> as
/// a user's file, so the demo exercises exactly what <c>run</c> and <c>serve</c> do. Three profiles
/// (keepalive, json, respond) take turns; every client answers the server's pings.
/// </summary>
internal static class DemoConfig
{
    /// <summary>The HOCON text for connections whose URLs are <paramref name="urls"/> (one per connection).</summary>
    public static string Text(IReadOnlyList<Uri> urls, DemoTimings timings)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$$""""
            demo {
              common {
                connect-timeout = 2s
                close-timeout = 1s
                keepalive.interval = off
                respond { enabled = on, ping { json-field = "op", equals = "ping" }, reply = """{"op":"pong","seq":{ping.seq}}""" }
                backoff { min = 200ms, max = 2s, multiplier = 2.0, random-factor = 0.2, reset-after = 5s }
              }
              keepalive = ${demo.common} { keepalive { interval = {{{Ms(timings.Interval)}}}, timeout = {{{Ms(timings.Timeout)}}} } }
              json = ${demo.common} { heartbeat { enabled = on, interval = {{{Ms(timings.Interval)}}}, timeout = {{{Ms(timings.Timeout)}}} } }
              respond = ${demo.common} { idle-timeout = {{{Ms(timings.IdleTimeout)}}} }
            }
            actor-heartbeat.connections {

            """");
        for (var i = 0; i < urls.Count; i++)
        {
            var url = JsonSerializer.Serialize(urls[i].ToString());
            text.Append(CultureInfo.InvariantCulture, $"  \"{DemoPlan.IdOf(i)}\" = ${{demo.{DemoNames.Of(DemoPlan.ProfileOf(i))}}} {{ url = {url} }}\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The client settings of the demo's connections.</summary>
    public static ActorHeartbeatSettings Read(IReadOnlyList<Uri> urls, DemoTimings timings) =>
        SettingsReader.Read(ConfigLoader.LoadText(Text(urls, timings), "demo.conf"));

    /// <summary>Parses a <c>--duration</c> value with HOCON's duration syntax (<c>20s</c>, <c>2m</c>, <c>1500ms</c>).</summary>
    /// <exception cref="HoconException">When it is not a duration.</exception>
    public static TimeSpan ParseDuration(string text) =>
        ConfigLoader.LoadText($"duration = {JsonSerializer.Serialize(text)}", "--duration").GetDuration("duration");

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";
}
