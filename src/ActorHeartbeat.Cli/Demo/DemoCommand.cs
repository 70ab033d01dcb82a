using System.CommandLine;
using ActorHeartbeat.Cli.Commands;
using ActorHeartbeat.Hocon;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// <c>actorheartbeat demo [--connections N] [--duration D] [--events jsonl]</c>: the whole thing on
/// one machine — a heartbeat server on 127.0.0.1, N supervised connections to it through fault
/// proxies, faults on a schedule, a live view, and a summary. Exit 0 only when every injected
/// fault was detected and recovered and every connection is up at the end.
/// </summary>
internal static class DemoCommand
{
    public const int DefaultConnections = 24;
    public const int MaxConnections = 1000;
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var connections = new Option<int>("--connections") { Description = $"Connections to supervise (1 to {MaxConnections}).", DefaultValueFactory = _ => DefaultConnections };
        var duration = new Option<string>("--duration") { Description = "How long to run, as a HOCON duration (20s, 2m).", DefaultValueFactory = _ => "60s" };
        var events = RunCommand.EventsOption();
        var command = new Command("demo", "Run a local heartbeat server, supervise connections to it, inject faults and report what was detected.")
        {
            connections, duration, events,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var count = parseResult.GetValue(connections);
            if (count is < 1 or > MaxConnections)
            {
                error.WriteLine($"{Program.CommandName} demo: --connections must be between 1 and {MaxConnections}, was {count}");
                return ExitCodes.BadInput;
            }

            var timings = new DemoTimings();
            TimeSpan length;
            try
            {
                length = DemoConfig.ParseDuration(parseResult.GetValue(duration) ?? string.Empty);
            }
            catch (HoconException e)
            {
                error.WriteLine($"{Program.CommandName} demo: --duration: {e.Message}");
                return ExitCodes.BadInput;
            }

            if (length < timings.MinimumDuration)
            {
                error.WriteLine($"{Program.CommandName} demo: --duration must be at least {timings.MinimumDuration.TotalSeconds:0} s (warm-up and one fault), was {length.TotalSeconds:0.###} s");
                return ExitCodes.BadInput;
            }

            using var stop = ShutdownSignal.Create();
            var run = new DemoRun(count, length, timings, parseResult.GetValue(events) == "jsonl", parseResult.InvocationConfiguration.Output, error);
            return await run.RunAsync(stop.Token).ConfigureAwait(false);
        });
        return command;
    }
}
