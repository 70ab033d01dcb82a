using ActorHeartbeat.Actors.Supervision;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests.Supervision;

public sealed class SupervisionTests : TestKit.TestKit
{
    private IActorRef SpawnSupervised(SupervisorStrategy strategy, Recorder? recorder = null)
    {
        Sys.ActorOf(Props.Create(() => new SupervisorActor(Props.Create(() => new FailingActor(recorder, "child")), strategy, TestActor)));
        return ExpectMsg<IActorRef>();
    }

    private int StateOf(IActorRef child)
    {
        child.Tell("state", TestActor);
        return ExpectMsg<int>();
    }

    [Fact]
    public void Resume_KeepsTheInstanceAndItsState()
    {
        var child = SpawnSupervised(new OneForOneStrategy(_ => Directive.Resume));
        child.Tell(1);
        child.Tell(2);
        child.Tell(new InvalidOperationException("x"));
        child.Tell(3);

        Assert.Equal(3, StateOf(child));
    }

    [Fact]
    public void Restart_ReplacesTheInstance_AndKeepsQueuedMessages()
    {
        var child = SpawnSupervised(new OneForOneStrategy(_ => Directive.Restart));
        child.Tell(1);
        child.Tell(new InvalidOperationException("x"));
        child.Tell(2);

        Assert.Equal(1, StateOf(child));
    }

    [Fact]
    public void DefaultStrategy_RestartsOnAnOrdinaryException()
    {
        var child = SpawnSupervised(SupervisorStrategy.DefaultStrategy);
        child.Tell(1);
        child.Tell(new InvalidOperationException("x"));

        Assert.Equal(0, StateOf(child));
    }

    [Fact]
    public void Stop_StopsTheChild()
    {
        var child = SpawnSupervised(new OneForOneStrategy(_ => Directive.Stop));
        Watch(child);
        child.Tell(new InvalidOperationException("x"));
        ExpectTerminated(child);
    }

    [Fact]
    public void Kill_UnderDefaultStrategy_StopsTheChild()
    {
        var child = SpawnSupervised(SupervisorStrategy.DefaultStrategy);
        Watch(child);
        child.Tell(Kill.Instance);
        ExpectTerminated(child);
    }

    private sealed class Grandparent : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Grandparent(IActorRef probe)
        {
            _probe = probe;
            var parent = Context.ActorOf(Props.Create(() => new SupervisorActor(
                Props.Create(() => new FailingActor(null, "child")), new OneForOneStrategy(_ => Directive.Escalate), probe)), "parent");
            probe.Tell(parent);
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
        {
            _probe.Tell($"grandparent decides on {e.Message}");
            return Directive.Stop;
        });
    }

    [Fact]
    public void Escalate_FailsTheParent_SoTheGrandparentDecides()
    {
        Sys.ActorOf(Props.Create(() => new Grandparent(TestActor)));
        var child = ExpectMsg<IActorRef>();
        var parent = ExpectMsg<IActorRef>();
        if (child.Path.Name == "parent")
        {
            (child, parent) = (parent, child);
        }

        Watch(parent);
        Watch(child);
        child.Tell(new InvalidOperationException("deep"));

        ExpectMsg("grandparent decides on deep");
        var stopped = new[] { ExpectMsg<Terminated>().ActorRef, ExpectMsg<Terminated>().ActorRef };
        Assert.Contains(parent, stopped);
        Assert.Contains(child, stopped);
    }

    [Fact]
    public void ExceedingMaxRetriesWithinTheWindow_StopsTheChild()
    {
        var recorder = new Recorder();
        var child = SpawnSupervised(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart), recorder);
        Watch(child);

        child.Tell(new InvalidOperationException("1"));
        child.Tell(new InvalidOperationException("2"));
        child.Tell(new InvalidOperationException("3"));

        ExpectTerminated(child);
        Assert.Equal(3, recorder.Events.Count(e => e == "child:ctor"));
    }

    [Fact]
    public void RestartsSpreadBeyondTheWindow_AreAllowed()
    {
        var child = SpawnSupervised(new OneForOneStrategy(1, TimeSpan.FromSeconds(10), _ => Directive.Restart));
        Watch(child);

        for (var i = 0; i < 5; i++)
        {
            child.Tell(new InvalidOperationException($"{i}"));
            WaitForIdle();
            Advance(TimeSpan.FromSeconds(11));
        }

        Assert.Equal(0, StateOf(child));
        child.Tell(new InvalidOperationException("twice"));
        child.Tell(new InvalidOperationException("within"));
        ExpectTerminated(child);
    }

    [Fact]
    public void ExceptionInDecider_Escalates()
    {
        var child = SpawnSupervised(new OneForOneStrategy(_ => throw new InvalidOperationException("decider broke")));
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures, typeof(Events.ActorFailure));

        child.Tell(new ArgumentException("x"));

        failures.FishForMessage<Events.ActorFailure>(f => f.Stage == "supervisor-strategy" && f.Cause.Message == "decider broke");
    }
}
