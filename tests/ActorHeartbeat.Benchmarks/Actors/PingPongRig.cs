namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// Pairs of pinger and ponger with one message in flight per pair, driven in bursts: a burst gives
/// every pair a round-trip budget (<see cref="long.MaxValue"/> for "until stopped") and kicks it off
/// by sending the ball to the ponger on the pinger's behalf. The pinger counts each returning ball
/// in its <see cref="PingPongPair"/> and sends it back until the budget is spent or a stop is asked.
/// </summary>
internal abstract class PingPongRig : IDisposable
{
    private readonly PingPongPair[] _pairs;
    private PingPongBurst? _burst;

    protected PingPongRig(int pairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        _pairs = new PingPongPair[pairs];
        for (var i = 0; i < pairs; i++)
        {
            _pairs[i] = new PingPongPair();
        }
    }

    public int PairCount => _pairs.Length;

    /// <summary>Round trips completed by all pairs so far (each is two messages).</summary>
    public long RoundTrips()
    {
        long sum = 0;
        foreach (var pair in _pairs)
        {
            sum += Volatile.Read(ref pair.RoundTrips);
        }

        return sum;
    }

    /// <summary>Starts a burst; every pair is idle when this is called.</summary>
    public void Start(long roundTripsPerPair)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roundTripsPerPair, 1);
        var burst = new PingPongBurst(_pairs.Length);
        _burst?.Dispose();
        _burst = burst;
        foreach (var pair in _pairs)
        {
            pair.Remaining = roundTripsPerPair;
            pair.Burst = burst;
        }

        // The kick below is the pairs' first message, so it publishes the budget to them.
        for (var i = 0; i < _pairs.Length; i++)
        {
            Kick(i);
        }
    }

    /// <summary>Waits until every pair has spent its budget.</summary>
    public void WaitForBurst() => Pause.Await(Current.Done, TimeSpan.FromMinutes(5), "ping-pong burst");

    /// <summary>Asks every pair to stop after its current round trip and waits until all have.</summary>
    public void StopBurst()
    {
        Current.StopRequested = true;
        WaitForBurst();
    }

    public virtual void Dispose() => _burst?.Dispose();

    protected PingPongPair Pair(int index) => _pairs[index];

    /// <summary>Sends the ball of pair <paramref name="index"/> to its ponger as if the pinger had sent it.</summary>
    protected abstract void Kick(int index);

    private PingPongBurst Current => _burst ?? throw new InvalidOperationException("No burst was started.");
}
