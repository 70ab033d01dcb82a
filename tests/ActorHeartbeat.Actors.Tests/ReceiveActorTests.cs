using ActorHeartbeat.Actors.Events;

namespace ActorHeartbeat.Actors.Tests;

public sealed class ReceiveActorTests : TestKit.TestKit
{
    private sealed class Typed : ReceiveActor
    {
        public Typed(IActorRef probe)
        {
            Receive<int>(i => probe.Tell($"big {i}"), i => i > 100);
            Receive<int>(i => probe.Tell($"int {i}"));
            Receive<string>(s =>
            {
                if (s == "skip")
                {
                    return false;
                }

                probe.Tell($"string {s}");
                return true;
            });
            Receive<object>(o => o is double, o => probe.Tell($"double {o}"));
        }
    }

    [Fact]
    public void FirstMatchingHandler_WinsInRegistrationOrder_AndPredicatesFilter()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Typed(TestActor)));

        actor.Tell(500);
        actor.Tell(5);
        actor.Tell("x");
        actor.Tell(2.5);

        ExpectMsg("big 500");
        ExpectMsg("int 5");
        ExpectMsg("string x");
        ExpectMsg("double 2.5");
    }

    [Fact]
    public void MessageNoHandlerTakes_IsPublishedAsUnhandled()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new Typed(TestActor)));

        actor.Tell("skip", TestActor);
        actor.Tell(TimeSpan.Zero);

        var first = ExpectMsg<UnhandledMessage>();
        Assert.Equal("skip", first.Message);
        Assert.Equal(actor, first.Recipient);
        Assert.Equal(TestActor, first.Sender);
        Assert.Equal(TimeSpan.Zero, ExpectMsg<UnhandledMessage>().Message);
    }

    private sealed class Switching : ReceiveActor
    {
        public Switching(IActorRef probe)
        {
            Receive<string>(s => s == "angry", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "calm", _ => UnbecomeStacked());
                ReceiveAny(m => probe.Tell($"grr {m}"));
            }));
            Receive<string>(s => s == "sleepy", _ => Become(() => ReceiveAny(m => probe.Tell($"zzz {m}"))));
            ReceiveAny(m => probe.Tell($"hello {m}"));
        }
    }

    [Fact]
    public void BecomeStacked_ThenUnbecome_ReturnsToPreviousBehaviour_AndBecomeReplaces()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switching(TestActor)));

        actor.Tell(1);
        actor.Tell("angry");
        actor.Tell(2);
        actor.Tell("calm");
        actor.Tell(3);
        actor.Tell("sleepy");
        actor.Tell(4);
        actor.Tell("calm");

        ExpectMsg("hello 1");
        ExpectMsg("grr 2");
        ExpectMsg("hello 3");
        ExpectMsg("zzz 4");
        ExpectMsg("zzz calm");
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration()
        {
            ReceiveAny(_ =>
            {
                try
                {
                    Receive<int>(_ => { });
                    Sender.Tell("registered");
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(e.Message);
                }
            });
        }
    }

    [Fact]
    public void RegisteringHandlersOutsideConstructorOrBecome_Throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LateRegistration()));
        actor.Tell("go", TestActor);
        ExpectMsg<string>(m => m.Contains("only be registered in the constructor", StringComparison.Ordinal));
    }

    private sealed class ContextBecome : UntypedActor
    {
        private readonly IActorRef _probe;

        public ContextBecome(IActorRef probe) => _probe = probe;

        protected override void OnReceive(object message)
        {
            if (message is "switch")
            {
                Context.BecomeStacked(m =>
                {
                    if (m is "back")
                    {
                        Context.UnbecomeStacked();
                        return true;
                    }

                    _probe.Tell($"other {m}");
                    return true;
                });
                return;
            }

            _probe.Tell($"base {message}");
        }
    }

    [Fact]
    public void ContextBecome_OnUntypedActor_SwitchesBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ContextBecome(TestActor)));

        actor.Tell("a");
        actor.Tell("switch");
        actor.Tell("b");
        actor.Tell("back");
        actor.Tell("c");

        ExpectMsg("base a");
        ExpectMsg("other b");
        ExpectMsg("base c");
    }

    private sealed class Plain : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }

    [Fact]
    public void ConstructingAnActorWithNew_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Plain());
        Assert.Contains("must be created by the actor system", e.Message);
    }

    [Fact]
    public void PropsWithNullFactory_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => Props.Create<Plain>(null!));
}
