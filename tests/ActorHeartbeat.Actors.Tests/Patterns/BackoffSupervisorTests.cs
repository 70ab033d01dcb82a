using ActorHeartbeat.Actors.Patterns;
using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests.Patterns;

public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    private sealed class Child : ReceiveActor
    {
        public Child(IActorRef probe)
        {
            probe.Tell("started");
            Receive<Exception>(e => throw e);
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            Receive<string>(s => s == "to-parent", _ => Context.Parent.Tell("from child", Self));
            ReceiveAny(m => probe.Tell(("child got", m)));
        }
    }

    private BackoffOptions OnFailure(int maxRetries = -1) =>
        BackoffOptions.OnFailure(Props.Create(() => new Child(TestActor)), "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 0, maxRetries);

    private IActorRef Start(BackoffOptions options)
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options), "backoff");
        ExpectMsg("started");
        return supervisor;
    }

    private void Fail(IActorRef supervisor) => supervisor.Tell(new InvalidOperationException("down"));

    /// <summary>Asserts the child restarts exactly <paramref name="delay"/> after now.</summary>
    private void ExpectRestartAfter(TimeSpan delay)
    {
        WaitForIdle();
        Advance(delay - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("started");
    }

    [Fact]
    public void OnFailure_RestartsAfterDelaysThatDoubleAndCapAtMax()
    {
        var supervisor = Start(OnFailure().WithManualReset());

        foreach (var seconds in new[] { 1, 2, 4, 8, 8 })
        {
            Fail(supervisor);
            ExpectRestartAfter(TimeSpan.FromSeconds(seconds));
        }
    }

    [Fact]
    public void RestartCount_ResetsOnlyAfterTheChildStayedUpForResetAfter()
    {
        var supervisor = Start(OnFailure().WithAutoReset(TimeSpan.FromSeconds(30)));
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(1));
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(2));

        // Up for 29 s: not long enough, the count goes on.
        Advance(TimeSpan.FromSeconds(29));
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(4));

        // Up for 30 s: reset, the next restart waits the minimum again.
        Advance(TimeSpan.FromSeconds(30));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        ExpectMsg(new BackoffSupervisor.RestartCount(0));
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void ManualReset_ResetsTheCount()
    {
        var supervisor = Start(OnFailure().WithManualReset());
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(1));
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(2));

        supervisor.Tell(BackoffSupervisor.Reset.Instance);
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AfterMaxRetries_TheSupervisorStops()
    {
        var supervisor = Start(OnFailure(maxRetries: 2).WithManualReset());
        Watch(supervisor);
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(1));
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(2));

        Fail(supervisor);

        ExpectTerminated(supervisor);
        Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg();
    }

    [Fact]
    public void Messages_AreForwardedToTheChildWithTheirSender_AndGoToDeadLettersWhileBackingOff()
    {
        var supervisor = Start(OnFailure());
        var sender = CreateTestProbe();
        supervisor.Tell("hello", sender);
        Assert.Equal(("child got", (object)"hello"), ExpectMsg<(string, object)>());

        Fail(supervisor);
        WaitForIdle();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters, typeof(Events.DeadLetter));
        supervisor.Tell("while down", sender);

        Assert.Equal("while down", deadLetters.ExpectMsg<Events.DeadLetter>().Message);
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);
        ExpectMsg(new BackoffSupervisor.CurrentChild(null));
    }

    [Fact]
    public void MessagesFromTheChild_GoToTheSupervisorsParent()
    {
        var parent = CreateTestProbe();
        var supervisor = Start(OnFailure());
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, TestActor);
        var child = ExpectMsg<BackoffSupervisor.CurrentChild>().Ref!;

        // The user guardian is the parent here: the message is unhandled there and published.
        Sys.EventStream.Subscribe(parent, typeof(Events.UnhandledMessage));
        child.Tell("to-parent");

        Assert.Equal("from child", parent.ExpectMsg<Events.UnhandledMessage>().Message);
    }

    [Fact]
    public void OnFailure_ChildThatStopsByItself_StopsTheSupervisor()
    {
        var supervisor = Start(OnFailure());
        Watch(supervisor);
        supervisor.Tell("stop");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void OnStop_RestartsTheChildAfterBackoffWhenItStops()
    {
        var supervisor = Start(BackoffOptions.OnStop(Props.Create(() => new Child(TestActor)), "c", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 0).WithManualReset());

        supervisor.Tell("stop");
        ExpectRestartAfter(TimeSpan.FromSeconds(2));
        supervisor.Tell("stop");
        ExpectRestartAfter(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void OnStop_WithStoppingStrategy_TurnsFailuresIntoBackoffRestarts()
    {
        var supervisor = Start(BackoffOptions.OnStop(Props.Create(() => new Child(TestActor)), "c", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 0)
            .WithDefaultStoppingStrategy());

        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void RandomFactor_StretchesDelaysWithinBounds()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new Child(TestActor)), "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 0.5)
            .WithRandomSource(new FixedSample(0.5))
            .WithManualReset();
        var supervisor = Start(options);

        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(1.25));
        Fail(supervisor);
        ExpectRestartAfter(TimeSpan.FromSeconds(2.5));
    }

    private sealed class FixedSample(double sample) : IRandomSource
    {
        public double NextDouble() => sample;
    }
}
