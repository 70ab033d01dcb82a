namespace ActorHeartbeat.Cli.Demo;

/// <summary>The demo's summary.</summary>
/// <param name="Faults">Every injected fault and what became of it.</param>
/// <param name="Connections">Connections supervised.</param>
/// <param name="ConnectionsUp">Connections up at the end.</param>
/// <param name="Reconnects">Times a connection came up again after having been up.</param>
/// <param name="UnexpectedDowns">Downs of connections that had no fault (healthy connections declared dead).</param>
/// <param name="Skipped">Faults whose turn came while their connection was not up, so they were not injected.</param>
internal sealed record DemoReport(
    IReadOnlyList<FaultOutcome> Faults,
    int Connections,
    int ConnectionsUp,
    int Reconnects,
    int UnexpectedDowns,
    int Skipped)
{
    public int Detected => Faults.Count(f => f.DetectedAt is not null);

    public int DetectedWithinBound => Faults.Count(f => f.WithinBound);

    public int Recovered => Faults.Count(f => f.RecoveredAt is not null);

    public bool AllUp => ConnectionsUp == Connections;

    /// <summary>Every injected fault was detected and recovered, and every connection is up.</summary>
    public bool Succeeded => Detected == Faults.Count && Recovered == Faults.Count && AllUp;

    /// <summary>Minimum, median and maximum detection latency, or null when nothing was detected.</summary>
    public (TimeSpan Min, TimeSpan Median, TimeSpan Max)? Latency
    {
        get
        {
            var sorted = Faults.Where(f => f.Latency is not null).Select(f => f.Latency!.Value).Order().ToArray();
            if (sorted.Length == 0)
            {
                return null;
            }

            var middle = sorted.Length / 2;
            var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            return (sorted[0], median, sorted[^1]);
        }
    }
}
