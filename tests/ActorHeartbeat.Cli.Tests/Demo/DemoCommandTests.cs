using System.Text.Json;

namespace ActorHeartbeat.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void ConnectionsOutOfRange_ExitWithBadInput(string connections)
    {
        var run = CliRun.Of("demo", "--connections", connections);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--connections must be between 1 and 1000, was {connections}", run.Error);
    }

    [Fact]
    public void DurationThatIsNotADuration_ExitsWithBadInput()
    {
        var run = CliRun.Of("demo", "--duration", "soon");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--duration", run.Error);
        Assert.Contains("soon", run.Error);
    }

    [Fact]
    public void DurationTooShortForOneFault_ExitsWithBadInput()
    {
        var run = CliRun.Of("demo", "--duration", "5s");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--duration must be at least 10 s", run.Error);
    }

    [Fact]
    public void UnknownEventsFormat_IsAUsageError() =>
        Assert.Equal(ExitCodes.BadInput, CliRun.Of("demo", "--events", "csv").ExitCode);

    /// <summary>The README's main command, end to end: a process, real sockets on loopback, real faults.</summary>
    [Fact]
    public async Task Demo_TwentySeconds_DetectsAndRecoversEveryInjectedFault_AndExitsZero()
    {
        using var cli = CliProcess.Start("demo", "--duration", "20s", "--events", "jsonl");
        var exit = await cli.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == ExitCodes.Success, $"exit {exit?.ToString() ?? "(killed)"}\n{cli}");
        var events = cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ParseLine).ToList();
        var faults = events.Where(e => e.Event == "fault").ToList();
        Assert.Equal(["dropped-tcp", "frozen-peer", "peer-close", "refused-connects", "slow-pongs"], faults.Select(f => f.Fault).Order());
        foreach (var fault in faults)
        {
            var after = events.SkipWhile(e => e != fault).Where(e => e.Connection == fault.Connection).ToList();
            var down = after.FindIndex(e => e.Event == "down");
            Assert.True(down >= 0, $"fault {fault.Fault} on {fault.Connection} was never detected\n{cli}");
            Assert.True(after.Skip(down).Any(e => e.Event == "up"), $"{fault.Connection} never came back after {fault.Fault}\n{cli}");
            Assert.Contains(after, e => e.Event == "healed");
        }

        Assert.Contains("Faults: 5 injected, 5 detected", cli.Error);
        Assert.Contains("Result: every injected fault was detected and every connection recovered.", cli.Error);
    }

    private static Line ParseLine(string text)
    {
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        return new Line(
            root.GetProperty("connection").GetString()!,
            root.GetProperty("event").GetString()!,
            root.TryGetProperty("fault", out var fault) ? fault.GetString() : null);
    }

    private sealed record Line(string Connection, string Event, string? Fault);
}
