using System.Globalization;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>Number formatting and medians for the result table.</summary>
internal static class Figures
{
    public static string Format(double value, MetricUnit unit)
    {
        if (double.IsNaN(value))
        {
            return "—";
        }

        var c = CultureInfo.InvariantCulture;
        return unit switch
        {
            MetricUnit.MessagesPerSecond or MetricUnit.SpawnsPerSecond => Rate(value, unit == MetricUnit.MessagesPerSecond ? "msg/s" : "spawns/s"),
            MetricUnit.BytesPerActor => string.Create(c, $"{value:N0} B"),
            MetricUnit.PercentOfCore => string.Create(c, $"{value:0.0} % of a core"),
            _ => string.Create(c, $"{value:N0}"),
        };
    }

    public static string Ratio(double ours, double baseline) =>
        double.IsNaN(ours) || double.IsNaN(baseline) || baseline == 0
            ? "—"
            : string.Create(CultureInfo.InvariantCulture, $"{ours / baseline:0.00}×");

    /// <summary>The median of the non-NaN values (the mean of the middle two for an even count); NaN when none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>A count in short form: 950, 12.3 k, 4.56 M.</summary>
    public static string Compact(long count)
    {
        var c = CultureInfo.InvariantCulture;
        return count switch
        {
            >= 1_000_000 => string.Create(c, $"{count / 1e6:0.00} M"),
            >= 1_000 => string.Create(c, $"{count / 1e3:0.0} k"),
            _ => string.Create(c, $"{count}"),
        };
    }

    private static string Rate(double perSecond, string unit)
    {
        var c = CultureInfo.InvariantCulture;
        return perSecond switch
        {
            >= 1e6 => string.Create(c, $"{perSecond / 1e6:0.00} M {unit}"),
            >= 1e3 => string.Create(c, $"{perSecond / 1e3:0.0} k {unit}"),
            _ => string.Create(c, $"{perSecond:0} {unit}"),
        };
    }
}
