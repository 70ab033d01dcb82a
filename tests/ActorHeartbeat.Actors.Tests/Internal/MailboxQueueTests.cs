using ActorHeartbeat.Actors.Internal;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests.Internal;

/// <summary>The ordinary-message queue: created on the first message, growing past its first ring under concurrent producers.</summary>
public sealed class MailboxQueueTests
{
    private sealed class Recorder(List<(int Sender, int Seq)> log) : UntypedActor
    {
        protected override void OnReceive(object message) => log.Add(((int, int))message);
    }

    [Fact]
    public void ActorThatNeverReceived_HoldsNoQueue_UntilItsFirstMessage()
    {
        var executor = new ManualExecutor();
        var system = ManualExecutor.CreateSystem(executor);
        var actor = (ActorCell)system.ActorOf(Props.Create(() => new Recorder([])));
        executor.RunAll();

        Assert.False(actor.HasMessageQueue);
        actor.Tell((0, 0));
        Assert.True(actor.HasMessageQueue);
        Assert.Equal(1, actor.PendingMessageCount);
    }

    [Fact]
    public void ConcurrentProducers_FarAheadOfTheActor_GrowTheQueue_AndEachProducersOrderIsKept()
    {
        const int producers = 4;
        const int perProducer = 25_000;
        var executor = new ManualExecutor();
        var system = ManualExecutor.CreateSystem(executor, throughput: 1_000);
        var log = new List<(int Sender, int Seq)>();
        var actor = (ActorCell)system.ActorOf(Props.Create(() => new Recorder(log)));
        executor.RunAll();

        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            go.Wait();
            for (var i = 0; i < perProducer; i++)
            {
                actor.Tell((p, i));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        go.Set();
        threads.ForEach(t => t.Join());

        Assert.Equal(producers * perProducer, actor.PendingMessageCount);
        Assert.Equal(1, executor.Pending);
        executor.RunAll();

        Assert.Equal(producers * perProducer, log.Count);
        var next = new int[producers];
        foreach (var (sender, seq) in log)
        {
            Assert.Equal(next[sender], seq);
            next[sender]++;
        }

        Assert.Equal(0, actor.PendingMessageCount);
    }
}
