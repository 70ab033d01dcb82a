namespace ActorHeartbeat.Server;

/// <summary>
/// Counts open sessions against max-connections without a round trip to an actor: the endpoint reserves
/// a slot before accepting a WebSocket, the supervisor releases it when the session has stopped.
/// Thread-safe.
/// </summary>
internal sealed class SessionSlots(int capacity)
{
    private int _taken;

    public int Capacity { get; } = capacity;

    public int Taken => Volatile.Read(ref _taken);

    /// <summary>Takes a slot; false (and nothing taken) when all are taken.</summary>
    public bool TryReserve()
    {
        while (true)
        {
            var taken = Volatile.Read(ref _taken);
            if (taken >= Capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _taken, taken + 1, taken) == taken)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _taken) < 0)
        {
            throw new InvalidOperationException("A session slot was released that was never reserved.");
        }
    }
}
