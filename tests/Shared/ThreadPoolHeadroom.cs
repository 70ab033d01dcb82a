namespace ActorHeartbeat.Testing;

/// <summary>
/// Gives the thread pool of the test process enough threads from the start. The test host keeps a few
/// pool threads blocked for the whole run (its message loop polls a socket with a one-second timeout;
/// the runner waits synchronously for the run to finish), and the pool's minimum is the core count — 2
/// here — so our sockets, timers and actors would wait for the pool to inject threads, about one per
/// half second: pauses of 0.5–1 s that made a 300 ms ping timeout fail a healthy connection. A real
/// service does not block its pool like that; the same client in a plain process shows no such pauses.
/// </summary>
internal static class ThreadPoolHeadroom
{
    private const int MinimumWorkers = 16;

    public static void Ensure()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinimumWorkers)
        {
            ThreadPool.SetMinThreads(MinimumWorkers, completionPorts);
        }
    }
}
