namespace ActorHeartbeat.Core;

/// <summary>
/// A token bucket: <see cref="RatePerSecond"/> tokens per second, at most <see cref="Burst"/> saved up.
/// Pure: time comes in as a monotonic timestamp.
/// </summary>
public sealed class TokenBucket
{
    private double _tokens;
    private TimeSpan _last;

    /// <summary>Creates a full bucket at time <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the rate or burst is not positive.</exception>
    public TokenBucket(double ratePerSecond, int burst, TimeSpan now)
    {
        if (!(ratePerSecond > 0) || !double.IsFinite(ratePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "max-reconnects-per-second must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        RatePerSecond = ratePerSecond;
        Burst = burst;
        _tokens = burst;
        _last = now;
    }

    /// <summary>Tokens added per second.</summary>
    public double RatePerSecond { get; }

    /// <summary>The most tokens held.</summary>
    public int Burst { get; }

    /// <summary>Takes a token if one is available at <paramref name="now"/>.</summary>
    public bool TryTake(TimeSpan now)
    {
        Refill(now);
        if (_tokens >= 1.0)
        {
            _tokens -= 1.0;
            return true;
        }

        return false;
    }

    /// <summary>How long from <paramref name="now"/> until the next token is available (zero when one is).</summary>
    public TimeSpan UntilNext(TimeSpan now)
    {
        Refill(now);
        return _tokens >= 1.0 ? TimeSpan.Zero : TimeSpan.FromSeconds((1.0 - _tokens) / RatePerSecond);
    }

    private void Refill(TimeSpan now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(Burst, _tokens + ((now - _last).TotalSeconds * RatePerSecond));
            _last = now;
        }
    }
}
