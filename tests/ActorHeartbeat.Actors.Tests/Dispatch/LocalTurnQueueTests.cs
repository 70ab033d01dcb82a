using System.Collections.Concurrent;
using ActorHeartbeat.Actors.Dispatch;
using ActorHeartbeat.Actors.Tests.Support;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.TestKit;

namespace ActorHeartbeat.Actors.Tests.Dispatch;

/// <summary>
/// An event-loop thread runs the turns of the actors it wakes itself: a message sent on the attached
/// thread queues the turn there, <see cref="LocalTurnQueue.RunPending"/> runs it (and the turns it
/// wakes) on that thread, and whatever is left goes to the thread pool.
/// </summary>
public sealed class LocalTurnQueueTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TellOnTheAttachedThread_QueuesTheTurn_UntilRunPendingRunsItOnThatThread()
    {
        await using var system = ActorSystem.Create("local");
        var seen = new ConcurrentQueue<(string Message, int Thread)>();
        var actor = system.ActorOf(Props.Create(() => new Recorder(seen, null)));
        await WarmUpAsync(actor, seen);

        var (queued, ranBeforeRunPending, ran, thread) = OnOwnThread(() =>
        {
            var queue = new LocalTurnQueue();
            queue.Attach();
            var before = seen.Count;
            actor.Tell("hello");
            var count = queue.Count;
            var early = seen.Count != before;
            var runs = queue.RunPending();
            queue.Detach();
            return (count, early, runs, Environment.CurrentManagedThreadId);
        });

        Assert.Equal(1, queued);
        Assert.False(ranBeforeRunPending);
        Assert.Equal(1, ran);
        Assert.Equal(("hello", thread), seen.Last());
    }

    [Fact]
    public async Task TurnsWokenByLocalTurns_RunInTheSameRunPending()
    {
        await using var system = ActorSystem.Create("local");
        var seen = new ConcurrentQueue<(string Message, int Thread)>();
        var last = system.ActorOf(Props.Create(() => new Recorder(seen, null)));
        var first = system.ActorOf(Props.Create(() => new Recorder(seen, last)));
        await WarmUpAsync(last, seen);
        await WarmUpAsync(first, seen);
        seen.Clear();

        var (ran, thread) = OnOwnThread(() =>
        {
            var queue = new LocalTurnQueue();
            queue.Attach();
            first.Tell("relay");
            var runs = queue.RunPending();
            queue.Detach();
            return (runs, Environment.CurrentManagedThreadId);
        });

        Assert.Equal(2, ran);
        Assert.Equal([("relay", thread), ("relay", thread)], seen.ToArray());
    }

    [Fact]
    public async Task TurnsBeyondTheLimit_GoToThePool_AndStillRun()
    {
        await using var system = ActorSystem.Create("local");
        var seen = new ConcurrentQueue<(string Message, int Thread)>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = system.ActorOf(Props.Create(() => new Recorder(seen, null)));
        var b = system.ActorOf(Props.Create(() => new Recorder(seen, null, arrived)));
        await WarmUpAsync(a, seen);

        var ran = OnOwnThread(() =>
        {
            var queue = new LocalTurnQueue(maxTurnsPerRun: 1);
            queue.Attach();
            a.Tell("first");
            b.Tell("second");
            var runs = queue.RunPending();
            var left = queue.Count;
            queue.Detach();
            return runs + (left * 1000);
        });

        Assert.Equal(1, ran);
        await arrived.Task.WaitAsync(Bound);
        Assert.Contains(seen, s => s.Message == "second");
    }

    [Fact]
    public async Task Detach_HandsQueuedTurnsToThePool()
    {
        await using var system = ActorSystem.Create("local");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new ConcurrentQueue<(string Message, int Thread)>();
        var actor = system.ActorOf(Props.Create(() => new Recorder(seen, null, arrived)));
        await WarmUpAsync(actor, seen);

        var queued = OnOwnThread(() =>
        {
            var queue = new LocalTurnQueue();
            queue.Attach();
            actor.Tell("unrun");
            var count = queue.Count;
            queue.Detach();
            return count;
        });

        Assert.Equal(1, queued);
        await arrived.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Attach_Twice_OrOnAPoolThread_IsRefused_AndRunPendingElsewhereToo()
    {
        var errors = OnOwnThread(() =>
        {
            var queue = new LocalTurnQueue();
            queue.Attach();
            var twice = Record(() => new LocalTurnQueue().Attach());
            var foreign = Record(() => new LocalTurnQueue().RunPending());
            queue.Detach();
            return (twice, foreign);
        });
        var pool = await Task.Run(() => Record(() => new LocalTurnQueue().Attach())).WaitAsync(Bound);

        Assert.Contains("already has a local turn queue", errors.twice, StringComparison.Ordinal);
        Assert.Contains("not attached to the current thread", errors.foreign, StringComparison.Ordinal);
        Assert.Contains("not a thread-pool thread", pool, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalTurnQueue(0));
    }

    [Fact]
    public void ActorsOfASystemWithAnotherExecutor_AreScheduledAsUsual()
    {
        var executor = new ManualExecutor();
        var system = ManualExecutor.CreateSystem(executor);
        var actor = system.ActorOf(Props.Create(() => new Recorder(new ConcurrentQueue<(string, int)>(), null)));
        executor.RunAll();

        var queued = OnOwnThread(() =>
        {
            var queue = new LocalTurnQueue();
            queue.Attach();
            actor.Tell("x");
            var count = queue.Count;
            queue.Detach();
            return count;
        });

        Assert.Equal(0, queued);
        Assert.Equal(1, executor.Pending);
    }

    [Fact]
    public async Task TimerFiringOnTheAttachedThread_RunsTheWokenActorsThere()
    {
        var clock = new ManualTimeProvider();
        await using var system = ActorSystem.Create("local", new ActorSystemSettings { TimeProvider = clock, SharedTimerQueue = true });
        var seen = new ConcurrentQueue<(string Message, int Thread)>();

        var (queuedByTimer, thread) = OnOwnThread(() =>
        {
            var queue = new LocalTurnQueue();
            queue.Attach();
            var actors = Enumerable.Range(0, 3).Select(_ => system.ActorOf(Props.Create(() => new Recorder(seen, null)))).ToArray();
            foreach (var actor in actors)
            {
                actor.Tell(new Arm(TimeSpan.FromMilliseconds(50)));
            }

            queue.RunPending();
            clock.Advance(TimeSpan.FromMilliseconds(60));
            var queued = queue.Count;
            queue.RunPending();
            queue.Detach();
            return (queued, Environment.CurrentManagedThreadId);
        });

        Assert.Equal(3, queuedByTimer);
        Assert.Equal(3, seen.Count(s => s.Message == "timer" && s.Thread == thread));
    }

    private static async Task WarmUpAsync(IActorRef actor, ConcurrentQueue<(string Message, int Thread)> seen)
    {
        var before = seen.Count;
        actor.Tell("warm-up");
        var deadline = TimeProvider.System.GetTimestamp() + (long)(Bound.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (seen.Count == before && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Yield();
        }

        Assert.True(seen.Count > before, "the actor did not start");
    }

    private static T OnOwnThread<T>(Func<T> body)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        Assert.True(thread.Join(Bound), "the loop thread did not finish");
        return failure is null ? result : throw new InvalidOperationException("The loop thread failed.", failure);
    }

    private static string Record(Action action)
    {
        try
        {
            action();
            return "no error";
        }
        catch (Exception e) when (e is InvalidOperationException)
        {
            return e.Message;
        }
    }

    private sealed record Arm(TimeSpan Delay);

    private sealed class Recorder : ReceiveActor, IWithTimers
    {
        public Recorder(ConcurrentQueue<(string, int)> seen, IActorRef? next, TaskCompletionSource? arrived = null)
        {
            Receive<Arm>(a => Timers.StartSingleTimer("t", "timer", a.Delay));
            Receive<string>(s =>
            {
                seen.Enqueue((s, Environment.CurrentManagedThreadId));
                next?.Tell(s);
                if (s != "warm-up")
                {
                    arrived?.TrySetResult();
                }
            });
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
