using System.Collections.Concurrent;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Tests.Timers;

/// <summary>The shared timer queue on the system clock (its default there), with turns on the thread pool.</summary>
public sealed class SharedTimerQueueRealClockTests
{
    private sealed class Ticker(CountdownEvent ticked, ConcurrentDictionary<string, int> counts, int wanted) : UntypedActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("t", "tick", TimeSpan.FromMilliseconds(20));

        protected override void OnReceive(object message)
        {
            if (counts.AddOrUpdate(Context.Self.Path.Name, 1, (_, n) => n + 1) == wanted)
            {
                ticked.Signal();
            }
        }
    }

    private sealed class OneShot(TaskCompletionSource<TimeSpan> fired, TimeSpan delay) : UntypedActor, IWithTimers
    {
        private long _started;

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            _started = TimeProvider.System.GetTimestamp();
            Timers.StartSingleTimer("once", "go", delay);
        }

        protected override void OnReceive(object message) => fired.TrySetResult(TimeProvider.System.GetElapsedTime(_started));
    }

    [Fact]
    public async Task SystemClock_UsesTheSharedQueue_AndEveryOneOfManyActorsGetsItsTicks()
    {
        const int actors = 1_000;
        await using var system = ActorSystem.Create("realclock");
        Assert.NotNull(system.TimerQueue);
        var counts = new ConcurrentDictionary<string, int>();
        using var ticked = new CountdownEvent(actors);
        for (var i = 0; i < actors; i++)
        {
            system.ActorOf(Props.Create(() => new Ticker(ticked, counts, 3)), $"t{i}");
        }

        Assert.True(ticked.Wait(TimeSpan.FromSeconds(30)), $"{ticked.CurrentCount} of {actors} actors had fewer than 3 ticks");
    }

    [Fact]
    public async Task SystemClock_SingleTimer_NeverFiresBeforeItsDelay()
    {
        await using var system = ActorSystem.Create("realclock");
        var fired = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var delay = TimeSpan.FromMilliseconds(40);
        system.ActorOf(Props.Create(() => new OneShot(fired, delay)));

        var elapsed = await fired.Task.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.True(elapsed >= delay, $"fired after {elapsed.TotalMilliseconds} ms, before its {delay.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task OtherClocks_GetOneClockTimerPerActorTimer_UnlessTheSettingSaysOtherwise()
    {
        await using var own = ActorSystem.Create("own", new ActorSystemSettings { TimeProvider = new TestKit.ManualTimeProvider() });
        await using var shared = ActorSystem.Create("shared", new ActorSystemSettings { TimeProvider = new TestKit.ManualTimeProvider(), SharedTimerQueue = true });
        await using var forcedOff = ActorSystem.Create("off", new ActorSystemSettings { SharedTimerQueue = false });

        Assert.Null(own.TimerQueue);
        Assert.NotNull(shared.TimerQueue);
        Assert.Null(forcedOff.TimerQueue);
    }
}
