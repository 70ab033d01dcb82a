using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests;

public sealed class AskTests : TestKit.TestKit
{
    private sealed record Question(string Text);

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class Failing : ReceiveActor
    {
        public Failing() => ReceiveAny(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("no answer"))));
    }

    [Fact]
    public async Task Ask_CompletesWithTheReply()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_WithoutReply_TimesOutOnTheSystemClock_NamingTargetAndMessageType()
    {
        var silent = Sys.ActorOf(Props.Create<Silent>(), "silent");
        var pending = silent.Ask<string>(new Question("?"), TimeSpan.FromSeconds(3));
        WaitForIdle();

        Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(pending.IsCompleted);
        Advance(TimeSpan.FromSeconds(0.1));

        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => pending);
        Assert.Contains("/user/silent", e.Message);
        Assert.Contains(nameof(Question), e.Message);
        Assert.Contains("3000 ms", e.Message);
    }

    [Fact]
    public async Task Ask_ToAStoppedActor_FailsAtOnce_WithoutWaitingForTheTimeout()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "gone");
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        var e = await Assert.ThrowsAsync<AskDeliveryException>(() => echo.Ask<string>("anyone?", TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("/user/gone", e.Message);
    }

    [Fact]
    public async Task Ask_AnsweredWithStatusFailure_FailsWithItsCause()
    {
        var failing = Sys.ActorOf(Props.Create<Failing>());
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Ask<string>("q", TimeSpan.FromSeconds(5)));
        Assert.Equal("no answer", e.Message);
    }

    [Fact]
    public async Task Ask_WithAReplyOfAnotherType_ThrowsInvalidCastNamingBoth()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var e = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<string>(42, TimeSpan.FromSeconds(5)));
        Assert.Contains("String", e.Message);
        Assert.Contains("Int32", e.Message);
    }

    [Fact]
    public async Task Ask_Cancelled_IsCancelled()
    {
        var silent = Sys.ActorOf(Props.Create<Silent>());
        using var cts = new CancellationTokenSource();
        var pending = silent.Ask("q", TimeSpan.FromHours(1), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public void Ask_WithNonPositiveTimeout_Throws()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask("q", TimeSpan.Zero); });
    }
}
