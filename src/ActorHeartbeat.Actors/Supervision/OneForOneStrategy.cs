namespace ActorHeartbeat.Actors.Supervision;

/// <summary>
/// Applies the decider's directive to the failed child only. A restart is allowed at most
/// <c>maxNrOfRetries</c> times within the time window <c>withinTimeRange</c> (Akka.NET's rule): once
/// the child would exceed that, it is stopped instead.
/// </summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; -1 for no limit, 0 for none.</param>
    /// <param name="withinTimeRange">The window; <see cref="Timeout.InfiniteTimeSpan"/> (or null) for no window, which makes <paramref name="maxNrOfRetries"/> a lifetime count.</param>
    /// <param name="decider">Maps an exception to a directive; an exception it throws escalates.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxNrOfRetries"/> is below -1 or the window is not positive.</exception>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (maxNrOfRetries < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "maxNrOfRetries must be -1 (no limit) or at least 0.");
        }

        if (withinTimeRange is { } w && w != Timeout.InfiniteTimeSpan && w <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), w, "withinTimeRange must be positive or infinite.");
        }

        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange == Timeout.InfiniteTimeSpan ? null : withinTimeRange;
        _decider = decider;
    }

    /// <summary>Creates a strategy with no restart limit.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, null, decider)
    {
    }

    /// <summary>Restarts allowed within the window; -1 for no limit.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window, or null for none.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <inheritdoc />
    public override Directive Decide(Exception cause) => _decider(cause);

    internal override bool RequestRestartPermission(RestartStatistics statistics, TimeSpan now) =>
        statistics.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, now);
}
