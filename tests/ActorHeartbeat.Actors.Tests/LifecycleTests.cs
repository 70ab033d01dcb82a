using ActorHeartbeat.Actors.Supervision;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests;

public sealed class LifecycleTests : TestKit.TestKit
{
    private static SupervisorStrategy Always(Directive directive) => new OneForOneStrategy(_ => directive);

    [Fact]
    public void Restart_CallsPreRestartWithFailingMessage_PostStop_NewInstance_PostRestart_InOrder()
    {
        var recorder = new Recorder();
        var parent = Sys.ActorOf(Props.Create(() => new SupervisorActor(
            Props.Create(() => new FailingActor(recorder, "c")), Always(Directive.Restart), TestActor)));
        var child = ExpectMsg<IActorRef>();
        child.Tell(5, TestActor);
        WaitForIdle();

        child.Tell(new InvalidOperationException("boom"));
        WaitForIdle();

        Assert.Equal(
            ["c:ctor", "c:pre-start", "c:pre-restart(boom,boom)", "c:post-stop", "c:ctor", "c:post-restart(boom)", "c:pre-start"],
            recorder.Events);
        child.Tell("state", TestActor);
        ExpectMsg(0);
        Assert.NotNull(parent);
    }

    private sealed class FailingConstructor : ReceiveActor
    {
        public FailingConstructor(Recorder recorder)
        {
            recorder.Add("ctor");
            if (recorder.Events.Count(e => e == "ctor") < 3)
            {
                throw new InvalidOperationException("not yet");
            }

            ReceiveAny(m => Sender.Tell(m));
        }
    }

    [Fact]
    public void FailingConstructor_GoesThroughSupervision_RestartRecreatesIt()
    {
        var recorder = new Recorder();
        var parent = Sys.ActorOf(Props.Create(() => new SupervisorActor(
            Props.Create(() => new FailingConstructor(recorder)), Always(Directive.Restart), TestActor)));
        var child = ExpectMsg<IActorRef>();
        WaitForIdle();

        child.Tell("hi", TestActor);
        ExpectMsg("hi");
        Assert.Equal(3, recorder.Events.Count);
        Assert.NotNull(parent);
    }

    [Fact]
    public void FailingConstructor_UnderDefaultStrategy_StopsTheActor()
    {
        var recorder = new Recorder();
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures, typeof(Events.ActorFailure));
        var actor = Sys.ActorOf(Props.Create(() => new FailingConstructor(recorder)));
        Watch(actor);

        ExpectTerminated(actor);
        var failure = failures.ExpectMsg<Events.ActorFailure>();
        Assert.IsType<ActorInitializationException>(failure.Cause);
        Assert.Equal("create", failure.Stage);
        Assert.Single(recorder.Events);
    }

    private sealed class FailingPreStart(IActorRef probe) : UntypedActor
    {
        protected override void PreStart()
        {
            probe.Tell("pre-start");
            throw new InvalidOperationException("no");
        }

        protected override void OnReceive(object message) => probe.Tell(message);
    }

    [Fact]
    public void FailingPreStart_IsAnInitializationFailure_StoppedByDefault()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FailingPreStart(TestActor)));
        Watch(actor);
        ExpectMsg("pre-start");
        ExpectTerminated(actor);
    }

    private sealed class Tree(Recorder recorder, string name, int depth) : UntypedActor
    {
        protected override void PreStart()
        {
            if (depth > 0)
            {
                Context.ActorOf(Props.Create(() => new Tree(recorder, name + ".0", depth - 1)), "a");
                Context.ActorOf(Props.Create(() => new Tree(recorder, name + ".1", depth - 1)), "b");
            }
        }

        protected override void PostStop() => recorder.Add(name);

        protected override void OnReceive(object message)
        {
        }
    }

    [Fact]
    public void Stop_StopsChildrenBeforeTheParentsPostStop()
    {
        var recorder = new Recorder();
        var root = Sys.ActorOf(Props.Create(() => new Tree(recorder, "r", 2)));
        WaitForIdle();
        Watch(root);

        Sys.Stop(root);
        ExpectTerminated(root);

        var events = recorder.Events;
        Assert.Equal(7, events.Count);
        foreach (var name in events)
        {
            var parent = name.Contains('.') ? name[..name.LastIndexOf('.')] : null;
            if (parent is not null)
            {
                Assert.True(events.ToList().IndexOf(name) < events.ToList().IndexOf(parent), $"{name} stopped after its parent {parent}: {string.Join(", ", events)}");
            }
        }

        Assert.Equal("r", events[^1]);
    }

    private sealed class StopsItselfMidMessage(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            Context.Stop(Self);
            probe.Tell($"finished {message}");
        }

        protected override void PostStop() => probe.Tell("post-stop");
    }

    [Fact]
    public void StoppingMidMessage_FinishesThatMessage_LaterOnesAreNotProcessed()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StopsItselfMidMessage(TestActor)));
        actor.Tell(1);
        actor.Tell(2);

        ExpectMsg("finished 1");
        ExpectMsg("post-stop");
        ExpectNoMsg();
    }

    [Fact]
    public void DuplicateChildName_ThrowsInvalidActorName()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "same");
        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "same"));
        Assert.Contains("[same]", e.Message);
    }

    [Fact]
    public void ChildName_IsFreeAgainAfterTheChildStopped()
    {
        var first = Sys.ActorOf(Props.Create<EchoActor>(), "reused");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        WaitForIdle();

        var second = Sys.ActorOf(Props.Create<EchoActor>(), "reused");
        Assert.NotEqual(first, second);
        Assert.Equal(first.Path, second.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    public void InvalidActorName_ThrowsNamingIt(string name)
    {
        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), name));
        Assert.Contains("actor name", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
