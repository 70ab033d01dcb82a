using System.Globalization;
using System.Net;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Cli.Commands;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Server;
using ActorHeartbeat.TestKit;
using ActorHeartbeat.Transport;
using Spectre.Console;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// One demo run: starts the server and one fault proxy per connection on loopback, supervises the
/// connections, lets the <see cref="DemoDirector"/> inject its faults, and prints the summary.
/// Events go to the output as in <c>run</c> (live view on a terminal, JSON lines with jsonl); with
/// jsonl the summary goes to the error stream so that stdout stays machine-readable.
/// </summary>
internal sealed class DemoRun(int connections, TimeSpan duration, DemoTimings timings, bool jsonl, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly TimeProvider _time = TimeProvider.System;

    public async Task<int> RunAsync(CancellationToken stop)
    {
        await using var server = await HeartbeatServerHost.StartAsync(DemoServerConfig.Read(timings)).ConfigureAwait(false);
        var target = new IPEndPoint(IPAddress.Loopback, server.BaseAddress.Port);
        var proxies = new List<FaultProxy>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                proxies.Add(FaultProxy.Start(target));
            }

            return await SuperviseAsync(server, proxies, stop).ConfigureAwait(false);
        }
        finally
        {
            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<int> SuperviseAsync(HeartbeatServerHost server, IReadOnlyList<FaultProxy> proxies, CancellationToken stop)
    {
        var ids = Enumerable.Range(0, connections).Select(DemoPlan.IdOf).ToArray();
        var urls = ids.Select((id, i) => proxies[i].WebSocketUri(server.Server.Settings.Path + DemoFaults.QueryOf(id))).ToArray();
        var settings = DemoConfig.Read(urls, timings);
        var plan = DemoPlan.Create(connections, duration, timings);

        await using var system = ActorSystem.Create("demo", TransportEventLoop.CreateActorSystemSettings());
        var manager = system.ActorOf(ConnectionManager.Props(new ConnectionManagerOptions
        {
            Transport = new ClientWebSocketTransport(),
            RttSamples = settings.RttSamples,
            MaxReconnectsPerSecond = settings.MaxReconnectsPerSecond,
        }), "connections");
        var liveView = !jsonl && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        var sink = liveView ? null : system.ActorOf(EventSink.Props(output, jsonl ? EventLines.Format : EventSink.Plain), "events");
        Func<FaultLine, string> format = jsonl ? l => DemoLines.Json(l, timings) : l => DemoLines.Plain(l, timings);
        var injector = new DemoFaults(proxies, ids, server.Supervisor, timings, error);
        var director = system.ActorOf(DemoDirector.Props(plan, new FaultTracker(ids, timings), injector, sink, format), "director");
        manager.Tell(new ConnectionManager.Subscribe(director));
        foreach (var connection in settings.Connections)
        {
            manager.Tell(new ConnectionManager.Add(connection));
        }

        if (!jsonl)
        {
            output.WriteLine($"{Program.CommandName} demo: server {server.WebSocketUri}, {connections} connections, {plan.Count} faults over {duration.TotalSeconds:0} s");
        }

        var started = _time.GetTimestamp();
        if (liveView)
        {
            await ShowLiveView(manager, director, started, stop).ConfigureAwait(false);
        }
        else
        {
            await WaitAsync(duration, stop).ConfigureAwait(false);
        }

        await AwaitRecovery(manager, director, stop).ConfigureAwait(false);
        var report = await director.Ask<DemoReport>(new DemoDirector.Finish(await CountUp(manager).ConfigureAwait(false)), AskTimeout).ConfigureAwait(false);

        var closeBound = settings.Connections.Max(c => c.CloseTimeout) + TimeSpan.FromSeconds(5);
        try
        {
            await manager.Ask<ConnectionManager.ShutdownCompleted>(ConnectionManager.Shutdown.Instance, closeBound).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            error.WriteLine($"{Program.CommandName} demo: connections did not close within {closeBound.TotalSeconds:0} s; aborting them");
        }

        await RunCommand.DrainEvents(manager, sink).ConfigureAwait(false);
        var sessions = await server.Server.GetSessionsAsync().ConfigureAwait(false);
        var summary = jsonl ? error : output;
        foreach (var line in DemoSummary.Render(report))
        {
            summary.WriteLine(line);
        }

        summary.WriteLine(ServerLine(sessions.Accepted, sessions.DisconnectsByReason));
        return report.Succeeded ? ExitCodes.Success : ExitCodes.RuntimeFailure;
    }

    /// <summary>The server's side of the story: what it saw end, by reason.</summary>
    private static string ServerLine(long accepted, IReadOnlyDictionary<DisconnectReason, long> byReason)
    {
        var reasons = byReason.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key.ToKebab()} {p.Value}"));
        return string.Create(CultureInfo.InvariantCulture, $"Server: {accepted} sessions accepted; ended by reason: {string.Join(", ", reasons.DefaultIfEmpty("none"))}.");
    }

    /// <summary>At the end, waits (up to the grace) for faults still in flight to be detected and recovered.</summary>
    private async Task AwaitRecovery(IActorRef manager, IActorRef director, CancellationToken stop)
    {
        var deadline = _time.GetTimestamp() + (long)(timings.RecoveryGrace.TotalSeconds * _time.TimestampFrequency);
        while (!stop.IsCancellationRequested && _time.GetTimestamp() < deadline)
        {
            var report = await director.Ask<DemoReport>(new DemoDirector.GetReport(await CountUp(manager).ConfigureAwait(false)), AskTimeout).ConfigureAwait(false);
            if (report.Succeeded)
            {
                return;
            }

            await WaitAsync(Poll, stop).ConfigureAwait(false);
        }
    }

    private static async Task<int> CountUp(IActorRef manager)
    {
        var snapshot = await manager.Ask<LivenessSnapshot>(new LivenessRegistry.GetLiveness(), AskTimeout).ConfigureAwait(false);
        return snapshot.Connections.Count(c => c.State == ConnectionState.Up);
    }

    private Task ShowLiveView(IActorRef manager, IActorRef director, long started, CancellationToken stop) =>
        AnsiConsole.Live(new Table()).AutoClear(false).StartAsync(async context =>
        {
            while (!stop.IsCancellationRequested)
            {
                var elapsed = _time.GetElapsedTime(started);
                var snapshot = await manager.Ask<LivenessSnapshot>(new LivenessRegistry.GetLiveness(), AskTimeout).ConfigureAwait(false);
                var faults = await director.Ask<DemoDirector.Outcomes>(DemoDirector.GetOutcomes.Instance, AskTimeout).ConfigureAwait(false);
                context.UpdateTarget(DemoLiveView.Render(snapshot.Connections, faults.Faults, _time.GetUtcNow(), elapsed, duration));
                if (elapsed >= duration)
                {
                    return;
                }

                var left = duration - elapsed;
                await WaitAsync(left < Refresh ? left : Refresh, stop).ConfigureAwait(false);
            }
        });

    private async Task WaitAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, _time, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
