using ActorHeartbeat.Actors;
using ActorHeartbeat.TestKit.Tests.Actors;
using Xunit.Sdk;

namespace ActorHeartbeat.TestKit.Tests;

/// <summary>Senders (Reply, Forward, LastSender) and death watch (Watch, ExpectTerminated) of <see cref="TestProbe"/>.</summary>
public sealed partial class TestProbeTests : TestKit
{
    [Fact]
    public void Reply_GoesToTheLastSender_WithTheProbeAsSender()
    {
        var asker = CreateTestProbe("asker");
        var answerer = CreateTestProbe("answerer");

        asker.Send(answerer.Ref, "ping");
        answerer.ExpectMsg("ping");
        answerer.Reply("pong");

        Assert.Equal("pong", asker.ExpectMsg<string>());
        Assert.Same(answerer.Ref, asker.LastSender);
    }

    [Fact]
    public void Reply_ToAnActor_ArrivesWithTheProbeAsItsSender()
    {
        var answerer = CreateTestProbe("answerer");
        var asker = Sys.ActorOf(Props.Create(() => new AskingActor(answerer.Ref, TestActor.Ref)), "asker");

        asker.Tell(new StartAsking());
        answerer.ExpectMsg("ping");
        Assert.Equal(asker, answerer.LastSender);
        answerer.Reply("pong");

        var answer = TestActor.ExpectMsg<Answer>();
        Assert.Equal("pong", answer.Text);
        Assert.Same(answerer.Ref, answer.Sender);
    }

    [Fact]
    public void Forward_KeepsTheOriginalSender()
    {
        var origin = CreateTestProbe("origin");
        var middle = CreateTestProbe("middle");
        var destination = CreateTestProbe("destination");

        origin.Send(middle.Ref, "parcel");
        middle.ExpectMsg("parcel");
        middle.Forward(destination.Ref);

        Assert.Equal("parcel", destination.ExpectMsg<string>());
        Assert.Same(origin.Ref, destination.LastSender);
    }

    [Fact]
    public void Forward_ToAnActor_LetsItReplyToTheOriginalSender()
    {
        var origin = CreateTestProbe("origin");
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        origin.Send(TestActor.Ref, "round trip");
        TestActor.ExpectMsg("round trip");
        TestActor.Forward(echo);

        Assert.Equal("round trip", origin.ExpectMsg<string>());
        Assert.Equal(echo, origin.LastSender);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Reply_WhenTheLastMessageHadNoSender_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => TestActor.Reply("nobody"));

        TestActor.Ref.Tell("anonymous");
        TestActor.ExpectMsg("anonymous");

        var e = Assert.Throws<InvalidOperationException>(() => TestActor.Reply("nobody"));
        Assert.Contains("no sender", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_BeforeAnyMessageWasTaken_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => TestActor.Forward(CreateTestProbe().Ref));
    }

    [Fact]
    public void LastSender_FollowsEachTakenMessage()
    {
        var first = CreateTestProbe("first");
        first.Send(TestActor.Ref, 1);
        TestActor.Ref.Tell(2);
        Assert.Null(TestActor.LastSender);

        TestActor.ExpectMsg(1);
        Assert.Same(first.Ref, TestActor.LastSender);

        TestActor.ExpectMsg(2);
        Assert.Null(TestActor.LastSender);
    }

    [Fact]
    public void ExpectTerminated_AfterTheWatchedActorStops_ReturnsItsTerminated()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>(), "doomed");
        TestActor.Watch(actor);

        Sys.Stop(actor);

        var terminated = TestActor.ExpectTerminated(actor);
        Assert.Equal(actor, terminated.ActorRef);
        Assert.Equal(actor, TestActor.LastSender);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void ExpectTerminated_OnPoisonPill_ReturnsItsTerminated()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>());
        TestActor.Watch(actor);

        actor.Tell(PoisonPill.Instance);

        TestActor.ExpectTerminated(actor);
    }

    [Fact]
    public void Watch_OfAnAlreadyStoppedActor_StillDeliversTerminated()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>());
        var first = CreateTestProbe();
        first.Watch(actor);
        Sys.Stop(actor);
        first.ExpectTerminated(actor);

        TestActor.Watch(actor);

        TestActor.ExpectTerminated(actor);
    }

    [Fact]
    public void Unwatch_BeforeTheActorStops_SuppressesTerminated()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>());
        TestActor.Watch(actor);
        TestActor.Unwatch(actor);

        Sys.Stop(actor);

        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void ExpectTerminated_OfAnotherActor_FailsNamingBothActors()
    {
        var expected = Sys.ActorOf(Props.Create<BlackHoleActor>(), "expected");
        var other = Sys.ActorOf(Props.Create<BlackHoleActor>(), "other");
        TestActor.Watch(expected);
        TestActor.Watch(other);

        Sys.Stop(other);
        var e = Assert.Throws<XunitException>(() => TestActor.ExpectTerminated(expected, Short));

        Assert.StartsWith($"ExpectMsg: expected a Terminated for {expected.Path}, but got Terminated", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"from {other.Path}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectTerminated_WhenTheActorLivesOn_FailsNamingItAndTheTimeout()
    {
        var actor = Sys.ActorOf(Props.Create<BlackHoleActor>(), "survivor");
        TestActor.Watch(actor);

        var e = Assert.Throws<XunitException>(() => TestActor.ExpectTerminated(actor, Short));

        Assert.Equal($"ExpectMsg: expected a Terminated for {actor.Path}, but nothing arrived within 150 ms.", e.Message);
    }
}
