using System.CommandLine;
using System.Runtime.InteropServices;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;
using Spectre.Console;

namespace ActorHeartbeat.Cli.Commands;

/// <summary>
/// <c>actorheartbeat run --config FILE [--events jsonl]</c>: supervises the configured connections
/// until Ctrl+C or SIGTERM, then closes them all gracefully. On a terminal it shows a live table;
/// with <c>--events jsonl</c> stdout carries only event lines; otherwise readable event lines.
/// </summary>
internal static class RunCommand
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The HOCON configuration file.", Required = true };
        var events = EventsOption();
        var command = new Command("run", "Supervise the configured connections until Ctrl+C.") { config, events };
        command.SetAction(async (parseResult, _) =>
        {
            using var stop = ShutdownSignal.Create();
            return await RunAsync(
                parseResult.GetRequiredValue(config),
                parseResult.GetValue(events) == "jsonl",
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error,
                new ClientWebSocketTransport(),
                stop.Token).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The <c>--events</c> option shared by run, serve and demo.</summary>
    public static Option<string?> EventsOption()
    {
        var events = new Option<string?>("--events") { Description = "Write event lines to stdout: jsonl." };
        events.AcceptOnlyFromAmong("jsonl");
        return events;
    }

    public static async Task<int> RunAsync(FileInfo file, bool jsonl, TextWriter output, TextWriter error, IWebSocketTransport transport, CancellationToken stop)
    {
        if (!file.Exists)
        {
            error.WriteLine($"{Program.CommandName} run: {file.FullName}: file not found");
            return ExitCodes.BadInput;
        }

        ActorHeartbeatSettings settings;
        try
        {
            settings = SettingsReader.Read(ConfigLoader.Load(file.FullName));
        }
        catch (HoconException e)
        {
            error.WriteLine($"{Program.CommandName} run: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (settings.Connections.Count == 0)
        {
            error.WriteLine($"{Program.CommandName} run: {file.FullName}: no connections under actor-heartbeat.connections");
            return ExitCodes.BadInput;
        }

        await using var system = ActorSystem.Create("actorheartbeat", TransportEventLoop.CreateActorSystemSettings());
        var manager = system.ActorOf(ConnectionManager.Props(new ConnectionManagerOptions
        {
            Transport = transport,
            RttSamples = settings.RttSamples,
            MaxReconnectsPerSecond = settings.MaxReconnectsPerSecond,
        }), "connections");
        var liveTable = !jsonl && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        IActorRef? sink = null;
        if (!liveTable)
        {
            sink = system.ActorOf(EventSink.Props(output, jsonl ? EventLines.Format : EventSink.Plain), "events");
            manager.Tell(new ConnectionManager.Subscribe(sink));
        }

        foreach (var connection in settings.Connections)
        {
            manager.Tell(new ConnectionManager.Add(connection));
        }

        if (liveTable)
        {
            await ShowLiveTable(manager, system, settings.Connections.Count, stop).ConfigureAwait(false);
        }
        else
        {
            await WaitForStop(stop).ConfigureAwait(false);
        }

        var bound = settings.Connections.Max(c => c.CloseTimeout + c.ConnectTimeout) + TimeSpan.FromSeconds(5);
        try
        {
            await manager.Ask<ConnectionManager.ShutdownCompleted>(ConnectionManager.Shutdown.Instance, bound).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            error.WriteLine($"{Program.CommandName} run: connections did not close within {bound.TotalSeconds:0} s; aborting them");
        }

        await DrainEvents(manager, sink).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The last events travel registry → event stream → manager → sink; one round trip through each,
    /// in that order, guarantees they are written before the system stops.
    /// </summary>
    public static async Task DrainEvents(IActorRef manager, IActorRef? sink)
    {
        var bound = TimeSpan.FromSeconds(5);
        await manager.Ask<LivenessSnapshot>(new LivenessRegistry.GetLiveness(), bound).ConfigureAwait(false);
        await manager.Ask<ConnectionManager.ConnectionList>(ConnectionManager.ListConnections.Instance, bound).ConfigureAwait(false);
        if (sink is not null)
        {
            await sink.Ask<EventSink.Flush>(EventSink.Flush.Instance, bound).ConfigureAwait(false);
        }
    }

    private static async Task WaitForStop(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Task ShowLiveTable(IActorRef manager, ActorSystem system, int count, CancellationToken stop) =>
        AnsiConsole.Live(new Table()).AutoClear(false).StartAsync(async context =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = await manager.Ask<LivenessSnapshot>(new LivenessRegistry.GetLiveness(), TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                context.UpdateTarget(LiveTable.Render(snapshot.Connections, system.TimeProvider.GetUtcNow(), $"actorheartbeat run: {count} connections (Ctrl+C to stop)"));
                await WaitFor(Refresh, stop).ConfigureAwait(false);
            }
        });

    private static async Task WaitFor(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, TimeProvider.System, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
