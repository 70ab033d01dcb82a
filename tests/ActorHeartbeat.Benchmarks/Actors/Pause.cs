namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>Blocking waits for the runner's own (non-pool) thread.</summary>
internal static class Pause
{
    /// <summary>Blocks the calling thread for <paramref name="duration"/> on the system clock's timer.</summary>
    public static void For(TimeSpan duration) => Task.Delay(duration, TimeProvider.System).Wait();

    /// <summary>Full, compacting collection so that one measurement's garbage does not bill the next.</summary>
    public static void CollectGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>Waits for <paramref name="countdown"/>, failing loudly instead of hanging when a scenario is broken.</summary>
    /// <exception cref="TimeoutException">When the countdown is not reached within <paramref name="limit"/>.</exception>
    public static void Await(CountdownEvent countdown, TimeSpan limit, string what)
    {
        if (!countdown.Wait(limit))
        {
            throw new TimeoutException($"{what}: {countdown.CurrentCount:N0} of {countdown.InitialCount:N0} still outstanding after {limit.TotalSeconds:0} s.");
        }
    }
}
