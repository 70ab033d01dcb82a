namespace ActorHeartbeat.Actors.Dispatch;

/// <summary>Queues mailbox turns on the shared thread pool: no thread of its own, none per actor.</summary>
internal sealed class ThreadPoolExecutor : IActorExecutor
{
    public static readonly ThreadPoolExecutor Instance = new();

    // preferLocal: a turn scheduled by a running actor goes to that worker's local queue, which keeps
    // request/reply pairs on one core; idle workers steal from it.
    public void Schedule(IThreadPoolWorkItem turn) => ThreadPool.UnsafeQueueUserWorkItem(turn, preferLocal: true);
}
