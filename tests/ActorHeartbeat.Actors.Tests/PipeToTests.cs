namespace ActorHeartbeat.Actors.Tests;

public sealed class PipeToTests : TestKit.TestKit
{
    [Fact]
    public async Task SuccessfulTask_DeliversTheResult_OrTheMappedMessage()
    {
        await Task.FromResult(7).PipeTo(TestActor);
        await Task.FromResult(7).PipeTo(TestActor, success: r => $"got {r}");

        ExpectMsg(7);
        ExpectMsg("got 7");
    }

    [Fact]
    public async Task FailedTask_DeliversStatusFailure_OrTheMappedMessage()
    {
        await Task.FromException<int>(new InvalidOperationException("io")).PipeTo(TestActor);
        await Task.FromException<int>(new InvalidOperationException("io")).PipeTo(TestActor, failure: e => $"failed: {e.Message}");

        Assert.Equal("io", ExpectMsg<Status.Failure>().Cause.Message);
        ExpectMsg("failed: io");
    }

    [Fact]
    public async Task ThrowingMapper_DeliversStatusFailureOfTheMapperException()
    {
        await Task.FromResult(1).PipeTo(TestActor, success: _ => throw new FormatException("bad map"));
        Assert.IsType<FormatException>(ExpectMsg<Status.Failure>().Cause);
    }

    [Fact]
    public async Task NullResult_DeliversStatusSuccess_AndSenderIsKept()
    {
        var sender = CreateTestProbe();
        await Task.FromResult<string?>(null).PipeTo(TestActor, sender);

        ExpectMsg(new Status.Success(null));
        Assert.Equal(sender, TestActor.LastSender);
    }

    [Fact]
    public async Task CancelledTask_DeliversStatusFailure()
    {
        await Task.FromCanceled<int>(new CancellationToken(true)).PipeTo(TestActor);
        Assert.IsAssignableFrom<OperationCanceledException>(ExpectMsg<Status.Failure>().Cause);
    }

    [Fact]
    public async Task TaskWithoutResult_DeliversSuccessOrFailure()
    {
        await Task.CompletedTask.PipeTo(TestActor, success: () => "done");
        await Task.FromException(new TimeoutException("late")).PipeTo(TestActor);

        ExpectMsg("done");
        Assert.IsType<TimeoutException>(ExpectMsg<Status.Failure>().Cause);
    }
}
