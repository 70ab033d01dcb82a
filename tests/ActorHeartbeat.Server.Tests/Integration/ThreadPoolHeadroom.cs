namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>
/// Gives the test process's thread pool enough threads from the start: the test host keeps a few pool
/// threads blocked for the whole run, and with the minimum at the core count (2 here) sockets, timers and
/// actors would wait for the pool to inject threads (about one per half second) — pauses that break
/// real-time bounds. A real service does not block its pool like that.
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
