namespace ActorHeartbeat.Hocon.Conversion;

/// <summary>
/// Durations in the HOCON format: a bare number is milliseconds; units are ns, us, ms, s, m, h, d and the
/// long forms nano(s)/nanosecond(s), micro(s)/microsecond(s), milli(s)/millisecond(s), second(s), minute(s),
/// hour(s), day(s), case-sensitive. The result is truncated to <see cref="TimeSpan"/>'s 100 ns resolution.
/// </summary>
internal static class DurationParser
{
    public const string UnitHelp = "valid units are ns, us, ms, s, m, h, d and their long forms (nanoseconds ... days); a bare number means milliseconds";

    private const decimal NanosPerTick = 100m;

    private static readonly Dictionary<string, decimal> NanosPerUnit = Build();

    /// <summary>Parses <paramref name="text"/>; returns null and an explanation when it is not a duration.</summary>
    public static TimeSpan? TryParse(string text, bool isNumber, out string problem)
    {
        problem = string.Empty;
        string number;
        string unit;
        if (isNumber)
        {
            number = text;
            unit = string.Empty;
        }
        else if (text.Trim() is "off" or "infinite" or "none")
        {
            problem = "this setting cannot be turned off; give a duration such as 10s";
            return null;
        }
        else if (!UnitText.TrySplit(text, out number, out unit))
        {
            problem = $"it has no number ({UnitHelp})";
            return null;
        }

        if (!NanosPerUnit.TryGetValue(unit, out var nanosPerUnit))
        {
            problem = $"unknown time unit '{unit}' ({UnitHelp})";
            return null;
        }

        if (!UnitText.TryParseNumber(number, out var amount))
        {
            problem = $"'{number}' is not a number ({UnitHelp})";
            return null;
        }

        try
        {
            var ticks = decimal.Truncate(amount * nanosPerUnit / NanosPerTick);
            if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
            {
                problem = "it is out of range for a duration";
                return null;
            }

            return TimeSpan.FromTicks((long)ticks);
        }
        catch (OverflowException)
        {
            problem = "it is out of range for a duration";
            return null;
        }
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal nanos, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = nanos;
            }
        }

        Add(1m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(1_000m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(1_000_000m, string.Empty, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(1_000_000_000m, "s", "second", "seconds");
        Add(60_000_000_000m, "m", "minute", "minutes");
        Add(3_600_000_000_000m, "h", "hour", "hours");
        Add(86_400_000_000_000m, "d", "day", "days");
        return table;
    }
}
