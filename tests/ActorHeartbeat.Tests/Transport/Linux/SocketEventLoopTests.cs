using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.Transport;
using ActorHeartbeat.Transport.Linux;

namespace ActorHeartbeat.Tests.Transport.Linux;

/// <summary>
/// The loop's own clock: timers fire on the loop thread, never early; an earlier due time wakes a
/// sleeping loop; an actor system on this clock runs its timer-woken actors on the loop thread.
/// These use the real clock, so they assert only lower bounds and completion within a generous bound.
/// </summary>
public sealed class SocketEventLoopTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly SocketEventLoop? _loop = TransportEventLoop.IsSupported ? new SocketEventLoop("test-loop") : null;

    public void Dispose() => _loop?.Dispose();

    [SkippableFact]
    public async Task Timer_FiresOnTheLoopThread_NotBeforeItsDueTime()
    {
        var loop = Loop();
        var fired = new TaskCompletionSource<(string? Thread, long At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = TimeProvider.System.GetTimestamp();

        using var timer = loop.TimeProvider.CreateTimer(_ => fired.TrySetResult((Thread.CurrentThread.Name, TimeProvider.System.GetTimestamp())), null, TimeSpan.FromMilliseconds(30), Timeout.InfiniteTimeSpan);
        var (thread, at) = await fired.Task.WaitAsync(Bound);

        Assert.Equal("test-loop", thread);
        Assert.True(TimeProvider.System.GetElapsedTime(started, at) >= TimeSpan.FromMilliseconds(30));
    }

    [SkippableFact]
    public async Task Change_ToAnEarlierTime_WakesTheSleepingLoop()
    {
        var loop = Loop();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = loop.TimeProvider.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        Assert.True(timer.Change(TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan));

        await fired.Task.WaitAsync(Bound);
    }

    [SkippableFact]
    public async Task PeriodicTimer_FiresAgain_UntilDisposed_ThenRefusesChanges()
    {
        var loop = Loop();
        var count = 0;
        var thrice = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = loop.TimeProvider.CreateTimer(_ =>
        {
            if (Interlocked.Increment(ref count) == 3)
            {
                thrice.TrySetResult();
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(5));

        await thrice.Task.WaitAsync(Bound);
        timer.Dispose();

        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [SkippableFact]
    public void Change_WithANegativeTime_IsRejected()
    {
        using var timer = Loop().TimeProvider.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(TimeSpan.FromMilliseconds(-5), Timeout.InfiniteTimeSpan));
        Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(TimeSpan.Zero, TimeSpan.FromMilliseconds(-5)));
    }

    [SkippableFact]
    public async Task Post_RunsTheWorkOnTheLoopThread()
    {
        var ran = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);

        Loop().Post(() => ran.TrySetResult(Thread.CurrentThread.Name));

        Assert.Equal("test-loop", await ran.Task.WaitAsync(Bound));
    }

    [SkippableFact]
    public async Task ActorSystemOnTheLoopClock_RunsTimerWokenActorsOnTheLoopThread()
    {
        var loop = Loop();
        await using var system = ActorSystem.Create("loop-clock", new ActorSystemSettings { TimeProvider = loop.TimeProvider, SharedTimerQueue = true });
        var fired = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);

        var actor = system.ActorOf(Props.Create(() => new OneShot(fired)));
        actor.Tell(TimeSpan.FromMilliseconds(20));

        Assert.Equal("test-loop", await fired.Task.WaitAsync(Bound));
    }

    [SkippableFact]
    public void TryCreate_RefusedByTheOperatingSystem_GivesTheReasonInsteadOfThrowing()
    {
        Loop();

        var (loop, failure) = SocketEventLoop.TryCreate(() => throw new IOException("epoll_create1 failed with errno 24."));

        Assert.Null(loop);
        Assert.Equal("the socket event loop could not be created: epoll_create1 failed with errno 24.", failure);
    }

    [SkippableFact]
    public void TryCreate_Created_GivesTheLoopAndNoReason()
    {
        Loop();

        var (loop, failure) = SocketEventLoop.TryCreate(() => new SocketEventLoop("try-create"));
        using (loop)
        {
            Assert.NotNull(loop);
            Assert.Null(failure);
        }
    }

    [SkippableFact]
    public void SharedLoop_WhereSupported_IsCreatedOnce_AndHasNoFailure()
    {
        Loop();

        Assert.Same(SocketEventLoop.Shared, SocketEventLoop.Shared);
        Assert.Null(TransportEventLoop.UnavailableReason);
        Assert.Same(SocketEventLoop.Shared!.TimeProvider, TransportEventLoop.TimeProvider);
    }

    private SocketEventLoop Loop()
    {
        Skip.IfNot(TransportEventLoop.IsSupported, "The socket event loop needs Linux (epoll) in a 64-bit process.");
        return _loop!;
    }

    private sealed class OneShot : ReceiveActor, IWithTimers
    {
        public OneShot(TaskCompletionSource<string?> fired)
        {
            Receive<TimeSpan>(delay => Timers.StartSingleTimer("once", "fire", delay));
            Receive<string>(_ => fired.TrySetResult(Thread.CurrentThread.Name));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
