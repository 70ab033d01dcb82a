using ActorHeartbeat.Actors.Internal;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests.Internal;

/// <summary>
/// The ordinary-message queue: created on the first message, a small ring that grows (keeping FIFO order
/// across wrap-around) under concurrent producers and shrinks back after a burst.
/// </summary>
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

    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 5)]
    [InlineData(2, 40)]
    [InlineData(7, 1_000)]
    public void Ring_WrappedAroundThenGrown_KeepsFifoOrder(int consumedFirst, int total)
    {
        var queue = new MessageQueue();
        var expected = 0;
        var sent = 0;

        // Move the head off slot 0 so later growth has to unwrap the ring.
        for (; sent < consumedFirst; sent++)
        {
            queue.Enqueue(new Envelope(sent, null));
        }

        for (; expected < consumedFirst; expected++)
        {
            Assert.True(queue.TryDequeue(out var early));
            Assert.Equal(expected, early.Message);
        }

        for (; sent < consumedFirst + total; sent++)
        {
            queue.Enqueue(new Envelope(sent, null));
        }

        Assert.Equal(total, queue.Count);
        while (queue.TryDequeue(out var envelope))
        {
            Assert.Equal(expected++, envelope.Message);
        }

        Assert.Equal(consumedFirst + total, expected);
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void Ring_StartsSmall_GrowsByDoubling_AndShrinksBackOnceABurstHasDrained()
    {
        var queue = new MessageQueue();
        Assert.Equal(MessageQueue.InitialCapacity, queue.Capacity);

        for (var i = 0; i < 5; i++)
        {
            queue.Enqueue(new Envelope(i, null));
        }

        Assert.Equal(8, queue.Capacity);

        for (var i = 5; i < 1_000; i++)
        {
            queue.Enqueue(new Envelope(i, null));
        }

        Assert.Equal(1_024, queue.Capacity);
        for (var i = 0; i < 999; i++)
        {
            Assert.True(queue.TryDequeue(out _));
        }

        Assert.Equal(1_024, queue.Capacity);
        Assert.True(queue.TryDequeue(out _));
        Assert.Equal(MessageQueue.InitialCapacity, queue.Capacity);
        Assert.False(queue.TryDequeue(out _));

        // A ring that never went past ShrinkAbove keeps its size: no reallocation for a steady trickle.
        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue(new Envelope(i, null));
        }

        while (queue.TryDequeue(out _))
        {
        }

        Assert.Equal(128, queue.Capacity);
    }
}
