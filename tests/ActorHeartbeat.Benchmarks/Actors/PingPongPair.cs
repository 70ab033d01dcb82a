namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>The state one pinger keeps (ours and the baseline's alike); only the pinger writes it.</summary>
internal sealed class PingPongPair
{
    /// <summary>Round trips completed; read by the runner while the pair runs.</summary>
    public long RoundTrips;

    /// <summary>Round trips left in the current burst.</summary>
    public long Remaining;

    public PingPongBurst Burst = PingPongBurst.None;

    /// <summary>Counts a returned ball; true when the pinger should send it again.</summary>
    public bool CountAndContinue()
    {
        RoundTrips++;
        if (--Remaining > 0 && !Burst.StopRequested)
        {
            return true;
        }

        Burst.Done.Signal();
        return false;
    }
}
