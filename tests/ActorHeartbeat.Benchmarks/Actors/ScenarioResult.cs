namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>Every recorded run of one scenario, per side, in run order.</summary>
internal sealed class ScenarioResult(IActorScenario scenario, IReadOnlyList<Metric> metrics)
{
    private readonly List<double[]> _ours = [];
    private readonly List<double[]> _baseline = [];

    public IActorScenario Scenario => scenario;

    public IReadOnlyList<Metric> Metrics => metrics;

    public void Add(Side side, double[] values) => (side == Side.Ours ? _ours : _baseline).Add(values);

    public double Median(Side side, int metric) =>
        Figures.Median((side == Side.Ours ? _ours : _baseline).Select(values => values[metric]));
}
