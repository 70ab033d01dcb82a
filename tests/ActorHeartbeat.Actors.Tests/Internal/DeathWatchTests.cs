using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests.Internal;

public sealed class DeathWatchTests : TestKit.TestKit
{
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<(string Command, IActorRef Target)>(c => c.Command == "watch", c =>
            {
                Context.Watch(c.Target);
                Context.Watch(c.Target);
                probe.Tell("watching");
            });
            Receive<(string Command, IActorRef Target)>(c => c.Command == "unwatch", c =>
            {
                Context.Unwatch(c.Target);
                probe.Tell("unwatched");
            });
            Receive<(string Command, IActorRef Target)>(c => c.Command == "watch-stop-unwatch", c =>
            {
                Context.Watch(c.Target);
                Context.Stop(c.Target);
                probe.Tell("stopping");
            });
            Receive<Terminated>(t => probe.Tell(t));
        }
    }

    [Fact]
    public void Terminated_IsDeliveredExactlyOnce_EvenWhenWatchedTwice()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        watcher.Tell(("watch", target));
        ExpectMsg("watching");

        Sys.Stop(target);

        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
        ExpectNoMsg();
    }

    [Fact]
    public void WatchingAnAlreadyDeadActor_DeliversTerminated()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target));

        ExpectMsg("watching");
        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
        ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_PreventsTerminated()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        watcher.Tell(("watch", target));
        watcher.Tell(("unwatch", target));
        ExpectMsg("watching");
        ExpectMsg("unwatched");

        Sys.Stop(target);

        ExpectNoMsg();
    }

    private sealed class UnwatchAfterQueued : ReceiveActor
    {
        public UnwatchAfterQueued(IActorRef probe, IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(s => s == "stop-then-unwatch-later", _ =>
            {
                Context.Stop(target);
                Self.Tell("unwatch");
            });
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(target);
                probe.Tell("unwatched");
            });
            Receive<Terminated>(t => probe.Tell(t));
        }
    }

    [Fact]
    public void Unwatch_DiscardsATerminatedThatWasAlreadyQueued()
    {
        var executor = new ManualExecutor();
        var system = ManualExecutor.CreateSystem(executor, throughput: 1);
        var probe = CreateTestProbe();
        var target = system.ActorOf(Props.Create<EchoActor>(), "target");
        var watcher = system.ActorOf(Props.Create(() => new UnwatchAfterQueued(probe, target)), "watcher");
        executor.RunAll();

        // Throughput 1: the target dies and the notification reaches the watcher before it processes "unwatch".
        watcher.Tell("stop-then-unwatch-later");
        executor.RunAll();

        probe.ExpectMsg("unwatched");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed class IgnoresTerminated : ReceiveActor
    {
        public IgnoresTerminated(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public void UnhandledTerminated_FailsWithDeathPact_AndTheDefaultStrategyStops()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new IgnoresTerminated(target)));
        var failures = CreateTestProbe();
        Sys.EventStream.Subscribe(failures, typeof(Events.ActorFailure));
        WaitForIdle();
        Watch(watcher);

        Sys.Stop(target);

        ExpectTerminated(watcher);
        Assert.IsType<DeathPactException>(failures.ExpectMsg<Events.ActorFailure>().Cause);
    }

    [Fact]
    public void ManyWatchers_EachGetTerminatedOnce()
    {
        var target = Sys.ActorOf(Props.Create<EchoActor>());
        var probes = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        probes.ForEach(p => p.Watch(target));

        Sys.Stop(target);

        foreach (var p in probes)
        {
            p.ExpectTerminated(target);
            p.ExpectNoMsg();
        }
    }
}
