namespace ActorHeartbeat.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public void NoCommand_ExitsWith2_AndPointsToHelp()
    {
        CliRun run = CliRun.Of();

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("actorheartbeat --help", run.Error);
    }

    [Fact]
    public void UnknownCommand_ExitsWith2()
    {
        CliRun run = CliRun.Of("frobnicate");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("frobnicate", run.Error);
    }

    [Fact]
    public void Help_ListsTheConfigCommand_AndExitsWith0()
    {
        CliRun run = CliRun.Of("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("config", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void ConfigHelp_DescribesItsOptions_AndExitsWith0()
    {
        CliRun run = CliRun.Of("config", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--json", run.Output);
        Assert.Contains("--with-defaults", run.Output);
        Assert.Contains("FILE", run.Output);
    }

    [Fact]
    public void EveryCommandHasADescription()
    {
        foreach (System.CommandLine.Command command in Program.BuildRootCommand().Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), command.Name);
        }
    }
}
