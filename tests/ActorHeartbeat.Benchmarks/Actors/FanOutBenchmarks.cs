using BenchmarkDotNet.Attributes;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// BenchmarkDotNet view of (c): per invocation, the benchmark thread sends <see cref="Messages"/>
/// messages round-robin to 10,000 receivers and waits until all are processed; results are per message.
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private const int Receivers = 10_000;
    private const int Messages = 1_000_000;

    private FanOutRig? _actors;
    private FanOutRig? _channels;

    [GlobalSetup]
    public void Setup()
    {
        _actors = FanOutScenario.CreateRig(Side.Ours, Receivers);
        _channels = FanOutScenario.CreateRig(Side.Baseline, Receivers);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _actors?.Dispose();
        _channels?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public TimeSpan ChannelLoops() => _channels!.Send(Messages);

    [Benchmark(OperationsPerInvoke = Messages)]
    public TimeSpan Actors() => _actors!.Send(Messages);
}
