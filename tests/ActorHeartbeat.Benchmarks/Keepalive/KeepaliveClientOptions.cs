using System.Globalization;

namespace ActorHeartbeat.Benchmarks.Keepalive;

/// <summary>Arguments of the keepalive client (the shared harness passes them, see shared/bench/README.md).</summary>
internal sealed record KeepaliveClientOptions(
    int Connections,
    double IntervalSeconds,
    double TimeoutSeconds,
    string Host,
    IReadOnlyList<int> Ports,
    string Mode,
    double MaxSeconds,
    double DiagSeconds = 0)
{
    public static KeepaliveClientOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value' pairs, got '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");

        var mode = Get("mode", "app");
        if (mode is not ("app" or "platform"))
        {
            throw new ArgumentException($"--mode must be app or platform, was '{mode}'");
        }

        var host = Get("host", Environment.GetEnvironmentVariable("BENCH_HOST") ?? "127.0.0.1");
        if (!host.StartsWith("127.", StringComparison.Ordinal) && host != "::1" && host != "localhost")
        {
            throw new ArgumentException($"--host must be a loopback address, was '{host}'");
        }

        return new KeepaliveClientOptions(
            int.Parse(Get("n", Environment.GetEnvironmentVariable("BENCH_N")), CultureInfo.InvariantCulture),
            double.Parse(Get("interval", Environment.GetEnvironmentVariable("BENCH_INTERVAL_S")), CultureInfo.InvariantCulture),
            double.Parse(Get("timeout", Environment.GetEnvironmentVariable("BENCH_TIMEOUT_S")), CultureInfo.InvariantCulture),
            host,
            [.. Get("ports", Environment.GetEnvironmentVariable("BENCH_PORTS")).Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))],
            mode,
            double.Parse(Get("max-seconds", Environment.GetEnvironmentVariable("BENCH_MAX_SECONDS") ?? "600"), CultureInfo.InvariantCulture),
            double.Parse(Get("diag-seconds", "0"), CultureInfo.InvariantCulture));
    }
}
