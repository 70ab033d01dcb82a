using ActorHeartbeat.Core;

namespace ActorHeartbeat.Tests.Core;

public sealed class LivenessTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Transitions_RecordStateSinceAttemptReasonAndRestarts()
    {
        var table = new LivenessTable(8);
        table.Transition("a", ConnectionState.Connecting, T0, attempt: 1);
        table.Transition("a", ConnectionState.Up, T0.AddSeconds(1));
        table.Transition("a", ConnectionState.Down, T0.AddSeconds(60), reason: DisconnectReason.HeartbeatTimeout);
        table.Transition("a", ConnectionState.BackingOff, T0.AddSeconds(60), attempt: 2, nextAttemptAt: T0.AddSeconds(61));

        var backingOff = table.Get("a")!;
        Assert.Equal(ConnectionState.BackingOff, backingOff.State);
        Assert.Equal(T0.AddSeconds(61), backingOff.NextAttemptAt);
        Assert.Equal(0, backingOff.Restarts);

        table.Transition("a", ConnectionState.Connecting, T0.AddSeconds(61));
        var reconnecting = table.Get("a")!;
        Assert.Equal(ConnectionState.Connecting, reconnecting.State);
        Assert.Equal(T0.AddSeconds(61), reconnecting.Since);
        Assert.Equal(2, reconnecting.Attempt);
        Assert.Equal(1, reconnecting.Restarts);
        Assert.Equal(DisconnectReason.HeartbeatTimeout, reconnecting.LastReason);
        Assert.Null(reconnecting.NextAttemptAt);
    }

    [Fact]
    public void RoundTrips_GiveLastMinMeanAndNearestRankPercentiles()
    {
        var table = new LivenessTable(128);
        table.Transition("a", ConnectionState.Up, T0);
        for (var ms = 100; ms >= 1; ms--)
        {
            table.RecordRoundTrip("a", TimeSpan.FromMilliseconds(ms), T0.AddSeconds(ms));
        }

        var stats = table.Get("a")!.RoundTrip!;
        Assert.Equal(100, stats.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(1), stats.Last);
        Assert.Equal(TimeSpan.FromMilliseconds(1), stats.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(50.5), stats.Mean);
        Assert.Equal(TimeSpan.FromMilliseconds(50), stats.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(99), stats.P99);
        Assert.Equal(T0.AddSeconds(1), table.Get("a")!.LastPong);
    }

    [Fact]
    public void OnlyTheLastWindowOfSamplesCounts()
    {
        var table = new LivenessTable(4);
        table.Transition("a", ConnectionState.Up, T0);
        foreach (var ms in new[] { 1000, 1000, 1, 2, 3, 4 })
        {
            table.RecordRoundTrip("a", TimeSpan.FromMilliseconds(ms), T0);
        }

        var stats = table.Get("a")!.RoundTrip!;
        Assert.Equal(4, stats.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(4), stats.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(2.5), stats.Mean);
    }

    [Fact]
    public void UnknownConnection_SamplesAreNotKept_AndRemoveForgets()
    {
        var table = new LivenessTable(4);
        Assert.False(table.RecordRoundTrip("x", TimeSpan.FromMilliseconds(1), T0));
        table.Transition("x", ConnectionState.Up, T0);
        Assert.Null(table.Get("x")!.RoundTrip);
        Assert.True(table.Remove("x"));
        Assert.Null(table.Get("x"));
        Assert.False(table.Remove("x"));
    }

    [Fact]
    public void CountByState_And_All_AreOrdered()
    {
        var table = new LivenessTable(4);
        table.Transition("b", ConnectionState.Up, T0);
        table.Transition("a", ConnectionState.Up, T0);
        table.Transition("c", ConnectionState.GaveUp, T0, reason: DisconnectReason.ConnectFailed);

        Assert.Equal(["a", "b", "c"], table.All().Select(c => c.Id));
        var counts = table.CountByState();
        Assert.Equal(2, counts[ConnectionState.Up]);
        Assert.Equal(1, counts[ConnectionState.GaveUp]);
        Assert.Equal(0, counts[ConnectionState.Connecting]);
    }

    [Fact]
    public void SampleWindow_MustBePositive() => Assert.Throws<ArgumentOutOfRangeException>(() => new LivenessTable(0));
}
