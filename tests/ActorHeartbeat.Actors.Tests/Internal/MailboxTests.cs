using System.Collections.Concurrent;
using System.Diagnostics;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests.Internal;

[Collection(nameof(ProcessWideMeasurements))]
public sealed class MailboxTests
{
    private sealed class SequenceChecker(int senders, int perSender, TaskCompletionSource<string> done) : UntypedActor
    {
        private readonly int[] _next = new int[senders];
        private int _active;
        private int _total;

        protected override void OnReceive(object message)
        {
            if (Interlocked.Increment(ref _active) != 1)
            {
                done.TrySetResult("two messages were processed at the same time");
            }

            var (sender, seq) = ((int, int))message;
            if (_next[sender] != seq)
            {
                done.TrySetResult($"sender {sender}: expected {_next[sender]}, got {seq}");
            }

            _next[sender] = seq + 1;
            if (++_total == senders * perSender)
            {
                done.TrySetResult("ok");
            }

            Interlocked.Decrement(ref _active);
        }
    }

    [Fact]
    public async Task ConcurrentSenders_EachSendersOrderIsKept_AndOneMessageRunsAtATime()
    {
        const int senders = 8;
        const int perSender = 20_000;
        using var system = ActorSystem.Create("stress", new ActorSystemSettings { Throughput = 5 });
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new SequenceChecker(senders, perSender, done)));

        using var start = new Barrier(senders);
        var threads = Enumerable.Range(0, senders).Select(s => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perSender; i++)
            {
                actor.Tell((s, i));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var outcome = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ok", outcome);
    }

    private sealed class Counter(ConcurrentBag<int> log) : UntypedActor
    {
        private int _n;

        protected override void OnReceive(object message) => log.Add(++_n);
    }

    [Theory]
    [InlineData(1, 50, 50)]
    [InlineData(10, 50, 5)]
    [InlineData(100, 50, 1)]
    public void Throughput_LimitsMessagesPerTurn_ThenYieldsAndReschedules(int throughput, int messages, int expectedTurns)
    {
        var executor = new ManualExecutor();
        var system = ManualExecutor.CreateSystem(executor, throughput);
        var log = new ConcurrentBag<int>();
        var actor = system.ActorOf(Props.Create(() => new Counter(log)));
        executor.RunAll();
        var before = executor.Scheduled;

        for (var i = 0; i < messages; i++)
        {
            actor.Tell(i);
        }

        Assert.Equal(1, executor.Pending);
        var turns = executor.RunAll();

        Assert.Equal(expectedTurns, turns);
        Assert.Equal(before + expectedTurns, executor.Scheduled);
        Assert.Equal(messages, log.Count);
    }

    [Fact]
    public void IdleActor_IsNotScheduled_AndTellSchedulesItOnce()
    {
        var executor = new ManualExecutor();
        var system = ManualExecutor.CreateSystem(executor);
        var actor = system.ActorOf(Props.Create(() => new Counter(new ConcurrentBag<int>())));
        executor.RunAll();
        Assert.Equal(0, executor.Pending);

        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(3);

        Assert.Equal(1, executor.Pending);
        Assert.Equal(1, executor.RunAll());
        Assert.Equal(0, executor.Pending);
    }

    private sealed class Waking(CountdownEvent woken) : UntypedActor
    {
        protected override void OnReceive(object message) => woken.Signal();
    }

    [Fact]
    public async Task TenThousandIdleActors_HoldNoThreadAndNoTimer()
    {
        const int count = 10_000;
        await using var system = ActorSystem.Create("idle");
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;
        var timersBefore = Timer.ActiveCount;
        using var woken = new CountdownEvent(count);

        var actors = Enumerable.Range(0, count).Select(_ => system.ActorOf(Props.Create(() => new Waking(woken)))).ToList();
        actors.ForEach(a => a.Tell("wake"));

        Assert.True(woken.Wait(TimeSpan.FromSeconds(30)), "not every actor processed its message");
        var threadsAfter = Process.GetCurrentProcess().Threads.Count;
        Assert.True(threadsAfter - threadsBefore < 50, $"threads grew from {threadsBefore} to {threadsAfter} for {count} actors");
        Assert.True(Timer.ActiveCount - timersBefore < 10, $"timers grew from {timersBefore} to {Timer.ActiveCount}");
    }
}
