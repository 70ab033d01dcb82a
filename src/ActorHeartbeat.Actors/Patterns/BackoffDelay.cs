namespace ActorHeartbeat.Actors.Patterns;

/// <summary>The exponential backoff arithmetic shared by every backoff in the code base. Pure.</summary>
public static class BackoffDelay
{
    /// <summary>
    /// The delay before restart number <paramref name="restartCount"/> (0 for the first):
    /// <c>min · multiplier^restartCount</c> capped at <paramref name="max"/>, stretched by
    /// <paramref name="randomFactor"/> r to <c>d · (1 + r · sample)</c>, and capped at
    /// <paramref name="max"/> again.
    /// </summary>
    /// <param name="min">The first delay; positive.</param>
    /// <param name="max">The longest delay; at least <paramref name="min"/>.</param>
    /// <param name="multiplier">Growth per restart; at least 1.</param>
    /// <param name="randomFactor">Jitter factor; at least 0.</param>
    /// <param name="restartCount">Restarts so far; at least 0.</param>
    /// <param name="sample">A uniform sample in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="restartCount"/> is negative or <paramref name="sample"/> is outside [0, 1).</exception>
    public static TimeSpan Exponential(TimeSpan min, TimeSpan max, double multiplier, double randomFactor, int restartCount, double sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(restartCount);
        CheckSample(sample);
        double cap = max.Ticks;
        var grown = min.Ticks * Math.Pow(multiplier, restartCount);
        var capped = double.IsFinite(grown) ? Math.Min(grown, cap) : cap;
        return TimeSpan.FromTicks((long)Math.Min(capped * (1.0 + (randomFactor * sample)), cap));
    }

    /// <summary>Throws unless <paramref name="sample"/> is in [0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When it is not.</exception>
    public static void CheckSample(double sample)
    {
        if (!(sample >= 0.0 && sample < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, "The random sample must be in [0, 1).");
        }
    }
}
