namespace ActorHeartbeat.Actors.Tests.Internal;

/// <summary>
/// An actor woken from inside another actor's turn on a pool thread runs right after that turn on the
/// same thread (at most 64 in a row, then through the pool). These specs run on the real thread pool.
/// </summary>
public sealed class HandoffTests
{
    private sealed class Relay(IActorRef? next, TaskCompletionSource<string> done, int expected) : UntypedActor
    {
        private int _active;
        private int _seen;

        protected override void OnReceive(object message)
        {
            if (Interlocked.Increment(ref _active) != 1)
            {
                done.TrySetResult("two turns of one actor ran at once");
            }

            var value = (int)message;
            if (value != _seen)
            {
                done.TrySetResult($"{Self.Path.Name}: expected {_seen}, got {value}");
            }

            _seen++;
            if (next is not null)
            {
                next.Tell(value, Self);
            }
            else if (_seen == expected)
            {
                done.TrySetResult("ok");
            }

            Interlocked.Decrement(ref _active);
        }
    }

    [Fact]
    public async Task LongChainsOfActorsWakingEachOther_KeepEachSendersOrder_AndRunOneTurnAtATime()
    {
        const int length = 300;
        const int messages = 2_000;
        await using var system = ActorSystem.Create("handoff", new ActorSystemSettings { Throughput = 1 });
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef? next = null;
        for (var i = length - 1; i >= 0; i--)
        {
            var downstream = next;
            next = system.ActorOf(Props.Create(() => new Relay(downstream, done, messages)), $"relay-{i}");
        }

        for (var m = 0; m < messages; m++)
        {
            next!.Tell(m);
        }

        Assert.Equal("ok", await done.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    private sealed class Bouncer(TaskCompletionSource<long> done, long rounds) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            var n = (long)message;
            if (n == rounds)
            {
                done.TrySetResult(n);
                return;
            }

            Sender.Tell(n + 1, Self);
        }
    }

    [Fact]
    public async Task PingPong_OnPoolThreads_CompletesEveryRoundTrip()
    {
        await using var system = ActorSystem.Create("pingpong");
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = system.ActorOf(Props.Create(() => new Bouncer(done, 200_000)));
        var b = system.ActorOf(Props.Create(() => new Bouncer(done, 200_000)));

        a.Tell(0L, b);

        Assert.Equal(200_000, await done.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }
}
