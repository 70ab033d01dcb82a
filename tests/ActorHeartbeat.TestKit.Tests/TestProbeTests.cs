using ActorHeartbeat.Actors;
using ActorHeartbeat.TestKit.Tests.Actors;
using Xunit.Sdk;

namespace ActorHeartbeat.TestKit.Tests;

/// <summary>Every expectation of <see cref="TestProbe"/>, succeeding and failing; failure texts name what was expected and what arrived.</summary>
public sealed partial class TestProbeTests : TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(150);

    [Fact]
    public void ExpectMsgOfType_ReturnsTheMessage_AndRemembersItAndItsSender()
    {
        var sender = CreateTestProbe("sender");

        sender.Send(TestActor.Ref, "hello");

        Assert.Equal("hello", TestActor.ExpectMsg<string>());
        Assert.Equal("hello", TestActor.LastMessage);
        Assert.Same(sender.Ref, TestActor.LastSender);
        Assert.Equal(0, TestActor.MessageCount);
    }

    [Fact]
    public void ExpectMsgEqualTo_AcceptsAnEqualMessage()
    {
        TestActor.Ref.Tell(new Answer("x", TestActor.Ref));

        var answer = TestActor.ExpectMsg(new Answer("x", TestActor.Ref));

        Assert.Equal("x", answer.Text);
    }

    [Fact]
    public void ExpectMsgWithPredicate_AcceptsAMatchingMessage()
    {
        TestActor.Ref.Tell(42);

        Assert.Equal(42, TestActor.ExpectMsg<int>(n => n > 40));
    }

    [Theory]
    [InlineData(42, "Int32 42")]
    [InlineData(2.5, "Double 2.5")]
    [InlineData(true, "Boolean True")]
    public void ExpectMsgOfType_GivenAnotherType_FailsNamingBothTypes(object sent, string arrived)
    {
        TestActor.Ref.Tell(sent);

        var e = Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>(Short));

        Assert.StartsWith("ExpectMsg: expected a String", e.Message, StringComparison.Ordinal);
        Assert.Contains($"but got {arrived} from no sender", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgOfType_Failure_ReadsAsASentence()
    {
        TestActor.Ref.Tell(42);

        var e = Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>(Short));

        Assert.Equal("ExpectMsg: expected a String, but got Int32 42 from no sender.", e.Message);
    }

    [Fact]
    public void ExpectMsg_Failure_NamesTheSenderOfWhatArrived()
    {
        var sender = CreateTestProbe("culprit");
        sender.Send(TestActor.Ref, 7);

        var e = Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>(Short));

        Assert.Contains($"Int32 7 from {sender.Path}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsgEqualTo_GivenAnotherValue_FailsNamingBothValues()
    {
        TestActor.Ref.Tell("world");

        var e = Assert.Throws<XunitException>(() => TestActor.ExpectMsg("hello", Short));

        Assert.Equal("ExpectMsg: expected a String equal to hello, but got String world from no sender.", e.Message);
    }

    [Theory]
    [InlineData("greater than 10", "expected a Int32 greater than 10, but got Int32 3")]
    [InlineData(null, "expected a Int32 matching the predicate, but got Int32 3")]
    public void ExpectMsgWithPredicate_Rejecting_FailsWithTheDescription(string? description, string expected)
    {
        TestActor.Ref.Tell(3);

        var e = Assert.Throws<XunitException>(() => TestActor.ExpectMsg<int>(n => n > 10, Short, description));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(150)]
    public void ExpectMsg_WhenNothingArrives_FailsNamingTheTimeout(int timeoutMs)
    {
        var e = Assert.Throws<XunitException>(() => TestActor.ExpectMsg<string>(TimeSpan.FromMilliseconds(timeoutMs)));

        Assert.StartsWith("ExpectMsg: expected a String", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"but nothing arrived within {timeoutMs} ms.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_TakesMessagesInArrivalOrder()
    {
        var sender = CreateTestProbe();
        sender.Send(TestActor.Ref, 1);
        sender.Send(TestActor.Ref, "two");

        Assert.Equal(2, TestActor.MessageCount);
        Assert.Equal(1, TestActor.ExpectMsg<int>());
        Assert.Equal("two", TestActor.ExpectMsg<string>());
    }

    [Fact]
    public void ExpectMsg_WaitsForAMessageThatAnActorSendsLater()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        TestActor.Send(echo, "hi");

        Assert.Equal("hi", TestActor.ExpectMsg<string>());
        Assert.Equal(echo, TestActor.LastSender);
    }

    [Fact]
    public void ExpectNoMsg_WhenTheSystemGoesIdleWithoutReplying_Passes()
    {
        var hole = Sys.ActorOf(Props.Create<BlackHoleActor>());
        for (var i = 0; i < 100; i++)
        {
            TestActor.Send(hole, i);
        }

        TestActor.ExpectNoMsg();

        Assert.Equal(0, TestActor.MessageCount);
    }

    [Fact]
    public void ExpectNoMsg_WhenAnActorRepliesBeforeGoingIdle_FailsNamingTheMessage()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        TestActor.Send(echo, "late");
        var e = Assert.Throws<XunitException>(() => TestActor.ExpectNoMsg());

        Assert.Equal($"ExpectNoMsg: expected no message, but got String late from {echo.Path} (1 waiting).", e.Message);
    }

    [Fact]
    public void ExpectNoMsgForADuration_WhenNothingArrives_Passes()
    {
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void ExpectNoMsgForADuration_WhenAMessageIsWaiting_FailsNamingItAndTheDuration()
    {
        TestActor.Ref.Tell("unexpected");
        TestActor.Ref.Tell("another");

        var e = Assert.Throws<XunitException>(() => TestActor.ExpectNoMsg(Short));

        Assert.Equal("ExpectNoMsg(150 ms): expected no message, but got String unexpected from no sender (2 waiting).", e.Message);
    }

    [Fact]
    public void ReceiveN_ReturnsThatManyMessagesInOrder()
    {
        for (var i = 1; i <= 5; i++)
        {
            TestActor.Ref.Tell(i);
        }

        Assert.Equal([1, 2, 3, 4, 5], TestActor.ReceiveN(5));
        Assert.Empty(TestActor.ReceiveN(0));
    }

    [Fact]
    public void ReceiveN_LeavesLaterMessagesQueued()
    {
        TestActor.Ref.Tell("a");
        TestActor.Ref.Tell("b");
        TestActor.Ref.Tell("c");

        Assert.Equal(["a", "b"], TestActor.ReceiveN(2));
        Assert.Equal("c", TestActor.ExpectMsg<string>());
    }

    [Fact]
    public void ReceiveN_WhenTooFewArrive_FailsSayingHowManyDid()
    {
        TestActor.Ref.Tell("a");
        TestActor.Ref.Tell("b");

        var e = Assert.Throws<XunitException>(() => TestActor.ReceiveN(3, Short));

        Assert.StartsWith("ReceiveN(3): got only 2, but nothing arrived within", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiveN_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestActor.ReceiveN(-1));
    }

    [Fact]
    public void FishForMessage_SkipsNonMatchingMessages_AndLeavesTheRest()
    {
        TestActor.Ref.Tell(1);
        TestActor.Ref.Tell("not this");
        TestActor.Ref.Tell(2);
        TestActor.Ref.Tell("target");
        TestActor.Ref.Tell(3);

        Assert.Equal("target", TestActor.FishForMessage<string>(s => s == "target"));
        Assert.Equal(3, TestActor.ExpectMsg<int>());
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void FishForMessage_WithoutAMatch_FailsListingWhatItSkipped()
    {
        TestActor.Ref.Tell(1);
        TestActor.Ref.Tell("a");

        var e = Assert.Throws<XunitException>(() => TestActor.FishForMessage<string>(s => s == "b", Short));

        Assert.StartsWith(
            "FishForMessage: expected a String matching the predicate; skipped [Int32 1 from no sender, String a from no sender], but nothing arrived within",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Probes_HaveDistinctPathsUnderSystem()
    {
        var named = CreateTestProbe("named");
        var unnamed1 = CreateTestProbe();
        var unnamed2 = CreateTestProbe();

        Assert.Equal($"ahb://{Sys.Name}/system/named", named.Path.ToString());
        Assert.NotEqual(unnamed1.Path, unnamed2.Path);
        Assert.Same(Sys, named.System);
        Assert.Equal(TestKit.DefaultTimeout, named.DefaultTimeout);
    }
}
