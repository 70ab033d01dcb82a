using System.Globalization;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>The demo server's settings: it pings every client (so the respond profile has something to hear) and answers their pings.</summary>
internal static class DemoServerConfig
{
    public static string Text(DemoTimings timings) => string.Create(CultureInfo.InvariantCulture, $$"""
        actor-heartbeat.server {
          path = "/ws"
          close-timeout = 1s
          heartbeat { enabled = on, interval = {{timings.Interval.TotalMilliseconds}}ms, timeout = {{(timings.Timeout * 2).TotalMilliseconds}}ms }
        }
        """);

    public static ServerSettings Read(DemoTimings timings) =>
        SettingsReader.ReadServer(ConfigLoader.LoadText(Text(timings), "demo-server.conf"));
}
