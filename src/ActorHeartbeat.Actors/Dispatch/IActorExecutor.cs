namespace ActorHeartbeat.Actors.Dispatch;

/// <summary>Runs mailbox turns. The default queues them on the .NET thread pool.</summary>
internal interface IActorExecutor
{
    void Schedule(IThreadPoolWorkItem turn);
}
