using ActorHeartbeat.Actors.Events;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests;

public sealed class DeadLettersTests : TestKit.TestKit
{
    [Fact]
    public void MessageToStoppedActor_IsPublishedAsDeadLetter_AndCounted()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        var before = Sys.DeadLetterCount;

        actor.Tell("lost", TestActor);

        var letter = ExpectMsg<DeadLetter>();
        Assert.Equal("lost", letter.Message);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }

    [Fact]
    public void MessagesAfterPoisonPill_GoToDeadLetters_MessagesBeforeAreProcessed()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<EchoActor>());

        actor.Tell(1, TestActor);
        actor.Tell(PoisonPill.Instance);
        actor.Tell(2, TestActor);

        ExpectMsg(1);
        Assert.Equal(2, probe.ExpectMsg<DeadLetter>().Message);
        ExpectNoMsg();
    }

    [Fact]
    public void TellToDeadLettersRef_IsCounted()
    {
        var before = Sys.DeadLetterCount;
        Sys.DeadLetters.Tell("nowhere");
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }
}
