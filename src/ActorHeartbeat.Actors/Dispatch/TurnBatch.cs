using System.Buffers;
using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Dispatch;

/// <summary>
/// The turns of many actors woken together (by one timer firing), split into chunks of
/// <see cref="ChunkSize"/>: the same work item is queued once per chunk and each execution claims the
/// next one. The cells sit in a pooled array that the last chunk to finish returns, so a firing
/// allocates this object only.
/// </summary>
internal sealed class TurnBatch : IThreadPoolWorkItem
{
    /// <summary>Actors per chunk, one pool work item each.</summary>
    public const int ChunkSize = 256;

    private readonly ActorCell[] _cells;
    private readonly int _count;
    private int _claimed = -1;
    private int _unfinished;

    private TurnBatch(ActorCell[] cells, int count)
    {
        _cells = cells;
        _count = count;
        _unfinished = Chunks;
    }

    private int Chunks => (_count + ChunkSize - 1) / ChunkSize;

    /// <summary>
    /// Queues the turns of <paramref name="cells"/>[<paramref name="start"/>..] on the pool's global
    /// queue, one work item per chunk; nothing when that range is empty.
    /// </summary>
    public static void Queue(List<ActorCell> cells, int start)
    {
        if (start >= cells.Count)
        {
            return;
        }

        var count = cells.Count - start;
        var rented = ArrayPool<ActorCell>.Shared.Rent(count);
        cells.CopyTo(start, rented, 0, count);
        var batch = new TurnBatch(rented, count);
        for (var i = batch.Chunks; i > 0; i--)
        {
            ThreadPool.UnsafeQueueUserWorkItem(batch, preferLocal: false);
        }
    }

    public void Execute()
    {
        var first = Interlocked.Increment(ref _claimed) * ChunkSize;
        var end = Math.Min(first + ChunkSize, _count);
        for (var i = first; i < end; i++)
        {
            _cells[i].Execute();
        }

        if (Interlocked.Decrement(ref _unfinished) == 0)
        {
            ArrayPool<ActorCell>.Shared.Return(_cells, clearArray: true);
        }
    }
}
