using ActorHeartbeat.Benchmarks.Actors;
using ActorHeartbeat.Benchmarks.Hocon;
using ActorHeartbeat.Benchmarks.Keepalive;

namespace ActorHeartbeat.Benchmarks;

/// <summary>
/// Benchmark entry point: the first argument picks the suite, the rest go to it.
/// Run in Release, e.g. <c>dotnet run -c Release --project tests/ActorHeartbeat.Benchmarks -- hocon --quick</c>.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: ActorHeartbeat.Benchmarks SUITE [options]
        suites:
          hocon [--quick] [--connections N]   parse + resolve a generated config, beside Lightbend Config 1.3.1
          actors [--quick] [--rounds N] [--only a,b,c,d,e] | actors bdn [...]
                                              actor kernel beside hand-written Channel<T> + async loops
          keepalive-client --mode app|platform --n N --interval S --timeout S --ports P,... [--host H] [--max-seconds S] [--diag-seconds S]
                                              ActorHeartbeat as a client of the shared keepalive harness (shared/bench)
        """;

    public static int Main(string[] args)
    {
        string? suite = args.Length > 0 ? args[0] : null;
        string[] rest = args.Length > 1 ? args[1..] : [];
        switch (suite)
        {
            case "hocon":
                return HoconBenchmark.Run(rest, Console.Out, Console.Error);
            case "actors":
                return ActorsBenchmark.Run(rest, Console.Out, Console.Error);
            case "keepalive-client":
                return KeepaliveClient.RunAsync(rest, Console.Out, Console.Error).GetAwaiter().GetResult();
            default:
                Console.Error.WriteLine(suite is null ? "no suite given" : $"unknown suite '{suite}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
