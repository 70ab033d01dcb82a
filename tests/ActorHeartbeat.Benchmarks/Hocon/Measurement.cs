namespace ActorHeartbeat.Benchmarks.Hocon;

/// <summary>The summary of repeated timed runs of one implementation.</summary>
/// <param name="Implementation">Who was measured.</param>
/// <param name="MedianMs">Median wall time of one parse + resolve, in milliseconds.</param>
/// <param name="MinMs">Fastest run, in milliseconds.</param>
/// <param name="AllocatedMb">Median bytes allocated per run, in MiB; null when unknown.</param>
internal sealed record Measurement(string Implementation, double MedianMs, double MinMs, double? AllocatedMb)
{
    public static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
