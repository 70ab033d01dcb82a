using ActorHeartbeat.Actors.Patterns;

namespace ActorHeartbeat.Core;

/// <summary>
/// When a failed connection is tried again. Pure: random samples come in as parameters.
/// The first reconnect waits <see cref="Min"/>, each next one <see cref="Multiplier"/> times the
/// previous, capped at <see cref="Max"/>, then jittered (<see cref="Jitter"/>). The failure count
/// resets only once a connection stayed up for <see cref="ResetAfter"/>. With
/// <see cref="MaxRetries"/> = n, up to n reconnects follow a failure; when the n-th fails too, the
/// connection gives up.
/// </summary>
public sealed record BackoffPolicy
{
    /// <summary>Creates a policy; every value is checked.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a value is out of range; the message names it.</exception>
    public BackoffPolicy(TimeSpan min, TimeSpan max, double multiplier, double randomFactor, JitterMode jitter, TimeSpan resetAfter, int? maxRetries)
    {
        if (min <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "backoff.min must be positive.");
        }

        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"backoff.max must be at least backoff.min ({min}).");
        }

        if (!(multiplier >= 1.0) || !double.IsFinite(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "backoff.multiplier must be a finite number of at least 1.");
        }

        if (!(randomFactor >= 0.0) || !double.IsFinite(randomFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "backoff.random-factor must be a finite number of at least 0.");
        }

        if (resetAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(resetAfter), resetAfter, "backoff.reset-after must not be negative.");
        }

        if (maxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "backoff.max-retries must be at least 0 or infinite.");
        }

        Min = min;
        Max = max;
        Multiplier = multiplier;
        RandomFactor = randomFactor;
        Jitter = jitter;
        ResetAfter = resetAfter;
        MaxRetries = maxRetries;
    }

    /// <summary>The defaults of reference.conf: 1 s, 30 s, ×2, random factor 0.2, reset after 30 s, retry forever.</summary>
    public static BackoffPolicy Default { get; } =
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2.0, 0.2, JitterMode.RandomFactor, TimeSpan.FromSeconds(30), null);

    /// <summary>The delay before the first reconnect.</summary>
    public TimeSpan Min { get; }

    /// <summary>The longest delay, jitter included (for <see cref="JitterMode.RandomFactor"/>).</summary>
    public TimeSpan Max { get; }

    /// <summary>Growth of the delay per failure in a row.</summary>
    public double Multiplier { get; }

    /// <summary>Jitter factor for <see cref="JitterMode.RandomFactor"/>.</summary>
    public double RandomFactor { get; }

    /// <summary>How delays are randomised.</summary>
    public JitterMode Jitter { get; }

    /// <summary>How long a connection must stay up before its failure count resets.</summary>
    public TimeSpan ResetAfter { get; }

    /// <summary>Reconnects allowed after a failure; null for no limit.</summary>
    public int? MaxRetries { get; }

    /// <summary>
    /// The delay before the next attempt after <paramref name="failuresInARow"/> failures (at least 1),
    /// given a uniform <paramref name="sample"/> in [0, 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="failuresInARow"/> is below 1 or the sample is outside [0, 1).</exception>
    public TimeSpan DelayAfter(int failuresInARow, double sample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresInARow, 1);
        var restartCount = failuresInARow - 1;
        if (Jitter == JitterMode.RandomFactor)
        {
            return BackoffDelay.Exponential(Min, Max, Multiplier, RandomFactor, restartCount, sample);
        }

        var ceiling = BackoffDelay.Exponential(Min, Max, Multiplier, 0.0, restartCount, sample);
        return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(ceiling.Ticks * sample)));
    }

    /// <summary>True when, after <paramref name="failuresInARow"/> failures, no further attempt is allowed.</summary>
    public bool HasGivenUp(int failuresInARow) => MaxRetries is { } max && failuresInARow > max;

    /// <summary>True when a connection that has been up for <paramref name="upFor"/> has earned a reset of its failure count.</summary>
    public bool IsStable(TimeSpan upFor) => upFor >= ResetAfter;
}
