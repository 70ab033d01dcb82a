using System.Globalization;
using System.Text;

namespace ActorHeartbeat.Benchmarks.Hocon;

/// <summary>
/// The benchmark's input: a configuration in the shape of hocon/reference.conf with a block of
/// connection defaults and <c>connections</c> entries that each inherit them with
/// <c>${actor-heartbeat.connection-defaults} { ... }</c> and override a few keys. The text depends only
/// on the number of connections (about 120 bytes each, so 10,000 make about 1.2 MB).
/// </summary>
internal static class BenchmarkConfig
{
    public const string ConnectionsPath = "actor-heartbeat.connections";

    private const string Defaults = """"
        actor-heartbeat {
          connection-defaults {
            url = null
            connect-timeout = 10s
            close-timeout = 2s
            headers {}
            subprotocols = []
            max-message-size = 1 MiB
            on-connect = []
            send-buffer { capacity = 1024, overflow = reject }
            keepalive { interval = 20s, timeout = 20s }
            heartbeat {
              enabled = off
              interval = 20s
              timeout = 10s
              payload = """{"op":"ping","seq":{seq},"ts":{ts}}"""
              pong { json-field = "op", equals = "pong", correlate = "seq" }
              count-any-inbound = off
            }
            idle-timeout = off
            backoff { min = 1s, max = 30s, multiplier = 2.0, random-factor = 0.2, jitter = random-factor, reset-after = 30s, max-retries = infinite }
          }
        }

        """";

    public static string Generate(int connections)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections);
        var text = new StringBuilder(Defaults, Defaults.Length + (connections * 120));
        text.Append("actor-heartbeat.connections {\n");
        for (int i = 1; i <= connections; i++)
        {
            string id = "c" + i.ToString("D5", CultureInfo.InvariantCulture);
            text.Append("  ").Append(id).Append(" = ${actor-heartbeat.connection-defaults} { url = \"wss://")
                .Append(id).Append(".example/ws\"");
            // Each entry overrides one or two more keys, chosen deterministically by its index.
            switch (i % 3)
            {
                case 0:
                    text.Append(", heartbeat.enabled = on, heartbeat.interval = ").Append(5 + (i % 25)).Append('s');
                    break;
                case 1:
                    text.Append(", keepalive.interval = ").Append(10 + (i % 20)).Append('s');
                    break;
                default:
                    text.Append(", headers.X-Id = ").Append(id);
                    break;
            }

            text.Append(" }\n");
        }

        text.Append("}\n");
        return text.ToString();
    }
}
