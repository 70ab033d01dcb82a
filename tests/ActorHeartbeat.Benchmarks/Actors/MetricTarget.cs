using System.Globalization;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// The target for one metric: a bound on the ratio ours/baseline, an absolute bound on our
/// figure, or none (an informational row).
/// </summary>
internal sealed class MetricTarget
{
    private enum Kind
    {
        None,
        RatioAtLeast,
        RatioAtMost,
        OursAtMost,
        OursAtLeast,
    }

    private readonly Kind _kind;
    private readonly double _bound;
    private readonly MetricUnit _unit;

    private MetricTarget(Kind kind, double bound, MetricUnit unit)
    {
        _kind = kind;
        _bound = bound;
        _unit = unit;
    }

    public static MetricTarget Informational { get; } = new(Kind.None, 0, MetricUnit.Ticks);

    public static MetricTarget RatioAtLeast(double ratio) => new(Kind.RatioAtLeast, ratio, MetricUnit.Ticks);

    public static MetricTarget RatioAtMost(double ratio) => new(Kind.RatioAtMost, ratio, MetricUnit.Ticks);

    public static MetricTarget OursAtMost(double value, MetricUnit unit) => new(Kind.OursAtMost, value, unit);

    public static MetricTarget OursAtLeast(double value, MetricUnit unit) => new(Kind.OursAtLeast, value, unit);

    public bool IsInformational => _kind == Kind.None;

    public string Describe() => _kind switch
    {
        Kind.RatioAtLeast => string.Create(CultureInfo.InvariantCulture, $"≥ {_bound:0.0#}× baseline"),
        Kind.RatioAtMost => string.Create(CultureInfo.InvariantCulture, $"≤ {_bound:0.0#}× baseline"),
        Kind.OursAtMost => "≤ " + Figures.Format(_bound, _unit),
        Kind.OursAtLeast => "≥ " + Figures.Format(_bound, _unit),
        _ => "(info)",
    };

    /// <summary>True or false for a target; null for an informational row or a missing figure.</summary>
    public bool? Evaluate(double ours, double baseline)
    {
        if (double.IsNaN(ours))
        {
            return null;
        }

        var ratio = ours / baseline;
        return _kind switch
        {
            Kind.RatioAtLeast => !double.IsNaN(ratio) && ratio >= _bound,
            Kind.RatioAtMost => !double.IsNaN(ratio) && ratio <= _bound,
            Kind.OursAtMost => ours <= _bound,
            Kind.OursAtLeast => ours >= _bound,
            _ => null,
        };
    }
}
