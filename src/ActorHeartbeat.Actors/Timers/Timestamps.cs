namespace ActorHeartbeat.Actors.Timers;

/// <summary>Conversions between <see cref="TimeSpan"/> and a <see cref="TimeProvider"/>'s timestamp units, and rounding onto a grid of them.</summary>
internal static class Timestamps
{
    /// <summary><paramref name="span"/> in timestamp units of <paramref name="time"/>, rounded down.</summary>
    public static long ToTimestamp(TimeProvider time, TimeSpan span)
    {
        var frequency = time.TimestampFrequency;
        return frequency == TimeSpan.TicksPerSecond ? span.Ticks : (long)((Int128)span.Ticks * frequency / TimeSpan.TicksPerSecond);
    }

    /// <summary><paramref name="timestampDelta"/> of <paramref name="time"/> as a span, rounded up (never shorter).</summary>
    public static TimeSpan ToTimeSpan(TimeProvider time, long timestampDelta)
    {
        var frequency = time.TimestampFrequency;
        return frequency == TimeSpan.TicksPerSecond
            ? TimeSpan.FromTicks(timestampDelta)
            : TimeSpan.FromTicks((long)((((Int128)timestampDelta * TimeSpan.TicksPerSecond) + frequency - 1) / frequency));
    }

    /// <summary>The timestamp <paramref name="delay"/> after <paramref name="now"/>, rounded up onto <paramref name="grid"/> (timestamp units; 0: not rounded).</summary>
    public static long Due(TimeProvider time, long now, TimeSpan delay, long grid) => AlignUp(now + ToTimestamp(time, delay), grid);

    /// <summary>The earliest whole multiple of <paramref name="grid"/> at or after <paramref name="timestamp"/>; the timestamp itself when <paramref name="grid"/> is 1 or less.</summary>
    public static long AlignUp(long timestamp, long grid)
    {
        if (grid <= 1)
        {
            return timestamp;
        }

        var remainder = timestamp % grid;
        if (remainder < 0)
        {
            remainder += grid;
        }

        return remainder == 0 ? timestamp : timestamp - remainder + grid;
    }
}
