namespace ActorHeartbeat.Actors.Tests;

public sealed class SchedulerTests : TestKit.TestKit
{
    [Fact]
    public void ScheduleTellOnce_DeliversAfterTheDelay_Once()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "later");

        Advance(TimeSpan.FromSeconds(1));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("later");
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void ScheduleTellRepeatedly_DeliversEveryInterval_UntilCancelled()
    {
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick");

        Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, ReceiveN(3).Count);
        scheduled.Cancel();
        Assert.True(scheduled.IsCancellationRequested);
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void InvalidDelays_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(-1), TestActor, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x"));
    }

    [Fact]
    public async Task Terminate_CancelsEveryScheduledTell()
    {
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick");
        Assert.Equal(1, Time.ActiveTimerCount);

        await Sys.Terminate();

        Assert.Equal(0, Time.ActiveTimerCount);
    }
}
