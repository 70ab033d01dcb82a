using BenchmarkDotNet.Attributes;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// BenchmarkDotNet view of (a) and (b): per invocation, the pairs together complete
/// <see cref="RoundTrips"/> round trips (<see cref="Messages"/> messages); results are per message.
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    private const int RoundTrips = 20_000;
    private const int Messages = 2 * RoundTrips;

    private PingPongRig? _actors;
    private PingPongRig? _channels;

    /// <summary>Pairs running at once: 1 for (a), 10 for (b).</summary>
    [Params(1, 10)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _actors = PingPongScenario.CreateRig(Side.Ours, Pairs);
        _channels = PingPongScenario.CreateRig(Side.Baseline, Pairs);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _actors?.Dispose();
        _channels?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void ChannelLoops() => Burst(_channels!);

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Actors() => Burst(_actors!);

    private void Burst(PingPongRig rig)
    {
        rig.Start(RoundTrips / Pairs);
        rig.WaitForBurst();
    }
}
