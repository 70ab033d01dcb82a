using ActorHeartbeat.Actors.Dispatch;

namespace ActorHeartbeat.Actors.Tests.Support;

/// <summary>Collects mailbox turns instead of running them, so a test decides exactly when each runs.</summary>
internal sealed class ManualExecutor : IActorExecutor
{
    private readonly Queue<IThreadPoolWorkItem> _turns = new();

    public int Scheduled { get; private set; }

    public int Pending
    {
        get
        {
            lock (_turns)
            {
                return _turns.Count;
            }
        }
    }

    public void Schedule(IThreadPoolWorkItem turn)
    {
        lock (_turns)
        {
            Scheduled++;
            _turns.Enqueue(turn);
        }
    }

    /// <summary>Runs queued turns (and those they schedule) until none is left; returns how many ran.</summary>
    public int RunAll(int limit = 100_000)
    {
        var ran = 0;
        while (ran < limit)
        {
            IThreadPoolWorkItem? turn;
            lock (_turns)
            {
                if (!_turns.TryDequeue(out turn))
                {
                    return ran;
                }
            }

            turn.Execute();
            ran++;
        }

        throw new InvalidOperationException($"More than {limit} turns: the actors keep messaging each other.");
    }

    public static ActorSystem CreateSystem(ManualExecutor executor, int throughput = 100, TimeProvider? time = null) =>
        ActorSystem.Create("manual", new ActorSystemSettings
        {
            Executor = executor,
            Throughput = throughput,
            TimeProvider = time ?? TimeProvider.System,
        });
}
