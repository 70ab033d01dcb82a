using System.Runtime.CompilerServices;
using ActorHeartbeat.Actors;
using ActorHeartbeat.TestKit.Tests.Actors;
using Xunit.Sdk;

namespace ActorHeartbeat.TestKit.Tests;

/// <summary>The kit: a fresh system per test on virtual time, Advance with actor timers, Within, AwaitCondition/AwaitAssert, WaitForIdle.</summary>
public sealed class TestKitTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void EachKit_GetsItsOwnRunningSystem_TerminatedOnDispose()
    {
        var first = new Kit();
        using var second = new Kit();

        Assert.NotSame(first.Sys, second.Sys);
        Assert.NotEqual(first.Sys.Name, second.Sys.Name);
        Assert.False(first.Sys.IsTerminated);

        first.Dispose();

        Assert.True(first.Sys.IsTerminated);
        Assert.True(first.Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.False(second.Sys.IsTerminated);
        first.Dispose(); // idempotent
    }

    [Fact]
    public void Dispose_StopsTheActorsOfTheTest()
    {
        var kit = new Kit();
        var actor = kit.Sys.ActorOf(Props.Create<BlackHoleActor>(), "worker");
        kit.TestActor.Watch(actor);

        kit.Dispose();

        Assert.True(kit.Sys.IsTerminated);
        kit.TestActor.ExpectTerminated(actor, TimeSpan.Zero);
    }

    [Fact]
    public void EachTest_StartsWithAnEmptySystem_SoFixedNamesAreFree()
    {
        // Every test of this class may use these names: they would clash in a shared system.
        Sys.ActorOf(Props.Create<BlackHoleActor>(), "heart");
        Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        Assert.False(Sys.IsTerminated);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public void VirtualTimeByDefault_RealTimeOnRequest()
    {
        using var realTime = new Kit(useVirtualTime: false);

        Assert.Same(Time, Sys.TimeProvider);
        Assert.Same(TimeProvider.System, realTime.Sys.TimeProvider);
    }

    [Fact]
    public void Advance_TenMinutesOfOneSecondHeartbeats_GivesExactly600Ticks()
    {
        var start = Time.GetUtcNow();
        Sys.ActorOf(Props.Create(() => new HeartbeatActor(TestActor.Ref, OneSecond)), "heart");
        WaitForIdle();

        Advance(TimeSpan.FromMinutes(10));

        var beats = ReceiveN(600, TimeSpan.Zero).Cast<Beat>().ToList();
        Assert.Equal(Enumerable.Range(1, 600), beats.Select(b => b.Number));
        Assert.Equal(Enumerable.Range(1, 600).Select(i => start + TimeSpan.FromSeconds(i)), beats.Select(b => b.At));
        ExpectNoMsg();
        Assert.Equal(TimeSpan.FromMinutes(10), Time.Elapsed);
    }

    [Theory]
    [InlineData(1, 600_000)]
    [InlineData(600, 1_000)]
    [InlineData(1_200, 500)]
    [InlineData(7, 100_000)] // the last step overshoots to 700 s
    [InlineData(599, 1_001)] // steps that do not line up with the ticks
    public void Advance_InAnySteps_GivesOneTickPerSecondPassed(int steps, int stepMs)
    {
        Sys.ActorOf(Props.Create(() => new HeartbeatActor(TestActor.Ref, OneSecond)), "heart");
        WaitForIdle();

        for (var i = 0; i < steps; i++)
        {
            Advance(TimeSpan.FromMilliseconds(stepMs));
        }

        var expected = (int)((long)steps * stepMs / 1000);
        Assert.Equal(expected, TestActor.MessageCount);
        var last = ReceiveN(expected, TimeSpan.Zero).Cast<Beat>().Last();
        Assert.Equal(expected, last.Number);
    }

    [Fact]
    public void Advance_WhenAnActorIsStillStarting_StartsItsTimersAtTheTimeOfTheCall()
    {
        // The actor's PreStart is still running (it waits, in real time, for the clock to move) when
        // Advance is called; a deterministic kit lets the system settle before it moves the clock, so
        // the heartbeat starts at 0 s and 10 minutes give 600 ticks, never fewer.
        var clock = Time;
        Sys.ActorOf(
            Props.Create(() => new HeartbeatActor(
                TestActor.Ref,
                OneSecond,
                () => SpinWait.SpinUntil(() => clock.Elapsed > TimeSpan.Zero, TimeSpan.FromMilliseconds(200)))),
            "heart");

        Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(600, TestActor.MessageCount);
    }

    [Fact]
    public void Advance_LetsEveryFiringSettleBeforeTheClockMovesOn()
    {
        var relay = Sys.ActorOf(Props.Create(() => new TimeStampingActor(TestActor.Ref)), "relay");
        Sys.ActorOf(Props.Create(() => new HeartbeatActor(relay, TimeSpan.FromMilliseconds(100))), "heart");
        WaitForIdle();

        Advance(TimeSpan.FromMinutes(1));

        var stamped = ReceiveN(600, TimeSpan.Zero).Cast<Stamped>().ToList();
        Assert.All(stamped, s => Assert.Equal(s.Beat.At, s.RelayedAt));
    }

    [Fact]
    public void Advance_AfterTheActorStopped_FiresNothing()
    {
        var heart = Sys.ActorOf(Props.Create(() => new HeartbeatActor(TestActor.Ref, OneSecond)), "heart");
        WaitForIdle();
        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, ReceiveN(3, TimeSpan.Zero).Count);
        Assert.Equal(1, Time.ActiveTimerCount);

        Sys.Stop(heart);
        WaitForIdle();

        Assert.Equal(0, Time.ActiveTimerCount);
        Advance(TimeSpan.FromMinutes(10));
        ExpectNoMsg();
    }

    [Fact]
    public void Advance_SingleTimerOfAnActor_FiresExactlyAtItsDueTime()
    {
        var start = Time.GetUtcNow();
        var reminder = Sys.ActorOf(Props.Create<ReminderActor>(), "reminder");
        TestActor.Send(reminder, new RemindMe(TimeSpan.FromSeconds(30)));
        WaitForIdle();

        Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        ExpectNoMsg();

        Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new Reminded(start + TimeSpan.FromSeconds(30)), TestActor.ExpectMsg<Reminded>(TimeSpan.Zero));

        Advance(TimeSpan.FromMinutes(5));
        ExpectNoMsg();
    }

    [Theory]
    [InlineData(0, 5, 3)]
    [InlineData(3, 3, 3)]
    [InlineData(2, 4, 4)]
    [InlineData(0, 600, 600)]
    [InlineData(0, 0, 0)]
    public void Within_OnVirtualTime_PassesWhenTheBlockTookBetweenMinAndMax(int minS, int maxS, int advanceS)
    {
        Within(TimeSpan.FromSeconds(minS), TimeSpan.FromSeconds(maxS), () => Advance(TimeSpan.FromSeconds(advanceS)));
    }

    [Theory]
    [InlineData(0, 1, 2, "took 2000 ms, expected between 0 and 1000 ms")]
    [InlineData(2, 3, 1, "took 1000 ms, expected between 2000 and 3000 ms")]
    [InlineData(0, 0, 1, "took 1000 ms, expected between 0 and 0 ms")]
    public void Within_OnVirtualTime_FailsNamingTheElapsedAndTheBounds(int minS, int maxS, int advanceS, string expected)
    {
        var e = Assert.Throws<XunitException>(
            () => Within(TimeSpan.FromSeconds(minS), TimeSpan.FromSeconds(maxS), () => Advance(TimeSpan.FromSeconds(advanceS))));

        Assert.Equal($"Within: the block {expected}.", e.Message);
    }

    [Fact]
    public void Within_CountsOnlyVirtualTime_NotTheRealTimeSpentWaiting()
    {
        TestActor.Ref.Tell("already here");

        // The block waits for real (ExpectNoMsg for 150 ms) but the virtual clock does not move.
        Within(TimeSpan.Zero, () =>
        {
            TestActor.ExpectMsg("already here");
            ExpectNoMsg(Short);
        });
    }

    [Fact]
    public void Within_AroundHeartbeats_MeasuresTheAdvancedTime()
    {
        Sys.ActorOf(Props.Create(() => new HeartbeatActor(TestActor.Ref, OneSecond)), "heart");
        WaitForIdle();

        Within(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), () =>
        {
            Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(10, ReceiveN(10, TimeSpan.Zero).Count);
        });
    }

    [Fact]
    public void Within_PropagatesTheBlocksOwnFailure()
    {
        var e = Assert.Throws<XunitException>(() => Within(TimeSpan.FromSeconds(1), () => ExpectMsg<string>(Short)));

        Assert.StartsWith("ExpectMsg:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitCondition_WaitsForTheActorsToDoTheirWork()
    {
        var counter = new StrongBox<int>();
        var counting = Sys.ActorOf(Props.Create(() => new CountingActor(counter)));
        for (var i = 0; i < 1000; i++)
        {
            counting.Tell(i);
        }

        AwaitCondition(() => Volatile.Read(ref counter.Value) == 1000);
    }

    [Fact]
    public void AwaitCondition_PollsUntilTheConditionHolds()
    {
        var calls = 0;

        AwaitCondition(() => ++calls == 3, interval: TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, calls);
    }

    [Theory]
    [InlineData(null, "AwaitCondition: the condition did not hold within 100 ms.")]
    [InlineData("the flag", "AwaitCondition: the flag did not hold within 100 ms.")]
    public void AwaitCondition_WhenItNeverHolds_FailsAfterMax(string? message, string expected)
    {
        var e = Assert.Throws<XunitException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(100), message: message));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void AwaitCondition_ThatKeepsThrowing_FailsAfterMax()
    {
        var e = Assert.Throws<XunitException>(
            () => AwaitCondition(() => throw new InvalidOperationException("broken"), TimeSpan.FromMilliseconds(100)));

        Assert.Equal("AwaitCondition: the condition did not hold within 100 ms.", e.Message);
    }

    [Fact]
    public void AwaitAssert_PassesOnceTheAssertionHolds()
    {
        var counter = new StrongBox<int>();
        var counting = Sys.ActorOf(Props.Create(() => new CountingActor(counter)));
        for (var i = 0; i < 100; i++)
        {
            counting.Tell(i);
        }

        AwaitAssert(() => Assert.Equal(100, Volatile.Read(ref counter.Value)));
    }

    [Fact]
    public void AwaitAssert_RetriesAFailingAssertion()
    {
        var calls = 0;

        AwaitAssert(() => Assert.True(++calls >= 3), interval: TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, calls);
    }

    [Fact]
    public void AwaitAssert_WhenItKeepsFailing_FailsAfterMaxWithTheLastFailure()
    {
        var attempt = 0;

        var e = Assert.Throws<XunitException>(
            () => AwaitAssert(() => Assert.Fail($"attempt {++attempt}"), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(10)));

        Assert.StartsWith("AwaitAssert: still failing after 100 ms: attempt ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"attempt {attempt}", e.Message, StringComparison.Ordinal); // the last attempt's failure
    }

    [Fact]
    public void WaitForIdle_ReturnsOnlyOnceAWholeCascadeIsDone()
    {
        var countdown = Sys.ActorOf(Props.Create(() => new CountdownActor(TestActor.Ref)));

        countdown.Tell(10_000);
        WaitForIdle();

        Assert.Equal(1, TestActor.MessageCount);
        Assert.Equal("done", TestActor.ExpectMsg<string>(TimeSpan.Zero));
    }

    [Fact]
    public void WaitForIdle_WhenAnActorNeverStops_FailsAfterTheTimeout()
    {
        var spinner = Sys.ActorOf(Props.Create<SpinningActor>());
        spinner.Tell("spin");

        var e = Assert.Throws<XunitException>(() => WaitForIdle(TimeSpan.FromMilliseconds(100)));

        Assert.Equal("The actor system did not become idle within 100 ms (an actor is busy or keeps messaging).", e.Message);
        Sys.Stop(spinner);
        Assert.True(WaitForIdle());
    }

    [Fact]
    public void KitExpectations_ReadFromTestActor()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        TestActor.Send(echo, "one");
        TestActor.Send(echo, 2);
        TestActor.Send(echo, "three");
        TestActor.Send(echo, "four");

        Assert.Equal("one", ExpectMsg<string>());
        Assert.Equal(2, ExpectMsg(2));
        Assert.Equal("three", ExpectMsg<string>(s => s.StartsWith('t')));
        Assert.Equal("four", FishForMessage<string>(_ => true));
        ExpectNoMsg();

        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
    }

    private sealed class Kit(bool useVirtualTime = true) : TestKit(useVirtualTime);
}
