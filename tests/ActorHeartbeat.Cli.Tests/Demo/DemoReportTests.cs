using ActorHeartbeat.Cli.Demo;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Cli.Tests.Demo;

public sealed class DemoReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static FaultOutcome Outcome(int id, double? latency, bool recovered = true, double bound = 2) => new(
        new PlannedFault(id, TimeSpan.FromSeconds(id), id, FaultKind.FrozenPeer),
        $"c{id}",
        TimeSpan.FromSeconds(bound),
        T0,
        latency is { } l ? T0.AddSeconds(l) : null,
        latency is null ? null : DisconnectReason.HeartbeatTimeout,
        T0.AddSeconds(3),
        recovered && latency is { } r ? T0.AddSeconds(r + 1) : null);

    [Fact]
    public void Latency_OddCount_MedianIsTheMiddle()
    {
        var report = new DemoReport([Outcome(1, 0.5), Outcome(2, 2.0), Outcome(3, 1.0)], 3, 3, 3, 0, 0);
        Assert.Equal((TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), report.Latency);
    }

    [Fact]
    public void Latency_EvenCount_MedianIsTheMeanOfTheMiddleTwo()
    {
        var report = new DemoReport([Outcome(1, 1.0), Outcome(2, 2.0), Outcome(3, 0.5), Outcome(4, 1.5)], 4, 4, 4, 0, 0);
        Assert.Equal(TimeSpan.FromSeconds(1.25), report.Latency!.Value.Median);
    }

    [Fact]
    public void Latency_NothingDetected_IsNull() =>
        Assert.Null(new DemoReport([Outcome(1, null)], 1, 1, 0, 0, 0).Latency);

    [Fact]
    public void WithinBound_CountsOnlyDetectionsNoLaterThanTheBound()
    {
        var report = new DemoReport([Outcome(1, 2.0), Outcome(2, 2.001), Outcome(3, null)], 3, 3, 2, 0, 0);
        Assert.Equal(2, report.Detected);
        Assert.Equal(1, report.DetectedWithinBound);
    }

    [Theory]
    [InlineData(true, true, 3, true)]
    [InlineData(false, true, 3, false)]
    [InlineData(true, false, 3, false)]
    [InlineData(true, true, 2, false)]
    public void Succeeded_NeedsEveryFaultDetectedAndRecovered_AndEveryConnectionUp(bool detected, bool recovered, int up, bool succeeded)
    {
        var report = new DemoReport([Outcome(1, 1.0), Outcome(2, detected ? 1.0 : null, recovered)], 3, up, 2, 0, 0);
        Assert.Equal(succeeded, report.Succeeded);
    }

    [Fact]
    public void NoFaults_SucceedWhenEveryConnectionIsUp()
    {
        Assert.True(new DemoReport([], 2, 2, 0, 0, 0).Succeeded);
        Assert.False(new DemoReport([], 2, 1, 0, 0, 0).Succeeded);
    }

    [Fact]
    public void Summary_SaysWhatFailed()
    {
        var lines = DemoSummary.Render(new DemoReport([Outcome(1, null, recovered: false)], 3, 2, 0, 1, 0));
        var text = string.Join('\n', lines);
        Assert.Contains("Faults: 1 injected, 0 detected (0 within their bound), 0 recovered.", text);
        Assert.Contains("1 healthy connections declared dead", text);
        Assert.Contains("never", text);
        Assert.Contains("Result: FAILED — 1 faults undetected, 1 faults not recovered, 1 connections not up.", text);
    }

    [Fact]
    public void Summary_OnSuccess_ListsLatenciesAndEveryFault()
    {
        var lines = DemoSummary.Render(new DemoReport([Outcome(1, 1.0), Outcome(2, 2.5)], 2, 2, 2, 0, 0));
        var text = string.Join('\n', lines);
        Assert.Contains("Detection latency: min 1.00 s, median 1.75 s, max 2.50 s.", text);
        Assert.Contains("2.50 s!", text);
        Assert.Contains("heartbeat-timeout", text);
        Assert.EndsWith("Result: every injected fault was detected and every connection recovered.", text);
    }
}
