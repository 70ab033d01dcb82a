using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorHeartbeat.Hosting.Tests.Internal;

/// <summary>
/// The facade's sends end in exactly one outcome: accepted, refused, or — when the connection stopped
/// before it saw the send — caught in dead letters; never a task that waits forever.
/// </summary>
public sealed class SendCoordinatorTests() : TestKit.TestKit(useVirtualTime: false)
{
    /// <summary>A manager that hands every send to the given supervisor, as the real one does.</summary>
    private sealed class ForwardingManager : ReceiveActor
    {
        public ForwardingManager(IActorRef supervisor) =>
            Receive<ConnectionManager.Send>(s => supervisor.Forward(new ConnectionSupervisor.SendCommand(s.Message, s.Acknowledge)));
    }

    private sealed class Sink : ReceiveActor
    {
        public Sink() => ReceiveAny(_ => { });
    }

    private (IActorRef Coordinator, List<int> Late) Start(IActorRef supervisor)
    {
        var late = new List<int>();
        var manager = Sys.ActorOf(Props.Create(() => new ForwardingManager(supervisor)));
        var coordinator = Sys.ActorOf(SendCoordinator.Props(manager, NullLogger.Instance, () => late.Add(1)));
        return (coordinator, late);
    }

    private static (SendCoordinator.Request Request, Task Outcome) Request(string connection, string text)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (new SendCoordinator.Request(connection, OutboundMessage.OfText(text), completion), completion.Task);
    }

    [Fact]
    public async Task SendToAConnectionThatAlreadyStopped_FailsWithSendRejected_InsteadOfHanging()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Sink()));
        Watch(supervisor);
        Sys.Stop(supervisor);
        ExpectTerminated(supervisor);
        var (coordinator, late) = Start(supervisor);
        var (request, outcome) = Request("feed", "hello");

        coordinator.Tell(request);

        var error = await Assert.ThrowsAsync<SendRejectedException>(() => outcome.WaitAsync(DefaultTimeout));
        Assert.Equal("feed", error.Connection);
        Assert.Contains("stopped", error.Reason, StringComparison.Ordinal);
        Assert.Empty(late);
    }

    [Fact]
    public async Task AcceptedSend_Completes_AndARefusalOfItLater_IsCountedAsLate()
    {
        var supervisor = CreateTestProbe();
        var (coordinator, late) = Start(supervisor.Ref);
        var (request, outcome) = Request("feed", "hello");

        coordinator.Tell(request);
        var command = supervisor.ExpectMsg<ConnectionSupervisor.SendCommand>();
        Assert.True(command.Acknowledge);
        supervisor.Reply(new SendAccepted("feed", command.Message));
        await outcome.WaitAsync(DefaultTimeout);

        supervisor.Reply(new SendRejected("feed", command.Message, "the connection was removed"));
        AwaitCondition(() => late.Count == 1);
    }
}
