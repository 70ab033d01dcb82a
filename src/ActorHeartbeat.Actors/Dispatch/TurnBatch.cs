using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors.Dispatch;

/// <summary>One pool work item running the turns of several actors woken together (by one timer firing).</summary>
internal sealed class TurnBatch(ActorCell[] cells, int start, int count) : IThreadPoolWorkItem
{
    public void Execute()
    {
        for (var i = start; i < start + count; i++)
        {
            cells[i].Execute();
        }
    }
}
