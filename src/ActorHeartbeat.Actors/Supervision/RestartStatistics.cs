namespace ActorHeartbeat.Actors.Supervision;

/// <summary>
/// The restart history of one child, owned by its supervisor. Pure: time comes in as a monotonic
/// timestamp. Implements Akka's rule: with a window, the count restarts at 1 whenever a restart
/// falls outside the window that began with the first counted restart.
/// </summary>
internal sealed class RestartStatistics
{
    private TimeSpan? _windowStart;

    /// <summary>Restarts counted in the current window (or in total, without a window).</summary>
    public int Count { get; private set; }

    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? window, TimeSpan now)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (window is null)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }

            Count++;
            return Count <= maxNrOfRetries;
        }

        var limit = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var start = _windowStart ??= now;
        if (now - start <= window.Value)
        {
            Count++;
            return Count <= limit;
        }

        Count = 1;
        _windowStart = now;
        return true;
    }
}
