using System.Diagnostics;
using ActorHeartbeat.Actors.Tests.Support;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Tests;

[Collection(nameof(ProcessWideMeasurements))]
public sealed class ActorSystemTests
{
    private sealed class Recording(Recorder recorder, string name, int children) : UntypedActor
    {
        protected override void PreStart()
        {
            for (var i = 0; i < children; i++)
            {
                Context.ActorOf(Props.Create(() => new Recording(recorder, $"{name}/{i}", 0)), $"c{i}");
            }
        }

        protected override void PostStop() => recorder.Add(name);

        protected override void OnReceive(object message) => Sender.Tell(message);
    }

    [Fact]
    public async Task Terminate_StopsEveryActorChildrenFirst_AndCompletesWhenTerminated()
    {
        var recorder = new Recorder();
        var system = ActorSystem.Create("order");
        var a = system.ActorOf(Props.Create(() => new Recording(recorder, "a", 3)), "a");
        var b = system.ActorOf(Props.Create(() => new Recording(recorder, "b", 2)), "b");
        await a.Ask("ready", TimeSpan.FromSeconds(5));
        await b.Ask("ready", TimeSpan.FromSeconds(5));

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(system.IsTerminated);
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        var events = recorder.Events.ToList();
        Assert.Equal(7, events.Count);
        Assert.True(events.IndexOf("a") > events.FindLastIndex(e => e.StartsWith("a/", StringComparison.Ordinal)));
        Assert.True(events.IndexOf("b") > events.FindLastIndex(e => e.StartsWith("b/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AfterTermination_TellAndActorOf_ThrowInvalidOperation()
    {
        var system = ActorSystem.Create("closed");
        var actor = system.ActorOf(Props.Create<EchoActor>());
        await system.Terminate();

        var tell = Assert.Throws<InvalidOperationException>(() => actor.Tell("late"));
        Assert.Contains("'closed' is terminated", tell.Message);
        Assert.Contains("String", tell.Message);
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create<EchoActor>()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask("late"));
    }

    [Fact]
    public async Task Terminate_IsIdempotent()
    {
        var system = ActorSystem.Create("twice");
        var first = system.Terminate();
        var second = system.Terminate();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void InvalidThroughput_IsRejected(int throughput)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("x", new ActorSystemSettings { Throughput = throughput }));
        Assert.Contains("Throughput", e.Message);
    }

    [Fact]
    public void InvalidSystemName_IsRejected() =>
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));

    private sealed class Ticking : UntypedActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("t", "tick", TimeSpan.FromMilliseconds(5));

        protected override void OnReceive(object message)
        {
            if (message is "ready")
            {
                Sender.Tell("ready");
            }
        }
    }

    [Fact]
    public async Task CreatingAndDisposingManySystems_LeaksNoTimersOrThreads()
    {
        async Task Cycle()
        {
            await using var system = ActorSystem.Create("cycle");
            var actors = Enumerable.Range(0, 20).Select(_ => system.ActorOf(Props.Create<Ticking>())).ToList();
            foreach (var actor in actors)
            {
                await actor.Ask("ready", TimeSpan.FromSeconds(5));
            }

            system.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), actors[0], "x");
        }

        await Cycle();
        var timersBefore = Timer.ActiveCount;
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;

        for (var i = 0; i < 100; i++)
        {
            await Cycle();
        }

        Assert.True(Timer.ActiveCount <= timersBefore + 5, $"timers: {timersBefore} before, {Timer.ActiveCount} after 100 systems");
        var threadsAfter = Process.GetCurrentProcess().Threads.Count;
        Assert.True(threadsAfter <= threadsBefore + 20, $"threads: {threadsBefore} before, {threadsAfter} after 100 systems");
    }
}

/// <summary>Tests that read process-wide counters (threads, timers) run alone.</summary>
[CollectionDefinition(nameof(ProcessWideMeasurements), DisableParallelization = true)]
public sealed class ProcessWideMeasurements;
