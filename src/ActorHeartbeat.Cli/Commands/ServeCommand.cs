using System.CommandLine;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Hocon;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Server;
using ActorHeartbeat.Settings;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Cli.Commands;

/// <summary>
/// <c>actorheartbeat serve --config FILE [--urls URL] [--events jsonl]</c>: runs the heartbeat server
/// (<c>actor-heartbeat.server</c> of FILE) on Kestrel until Ctrl+C or SIGTERM, then closes every session
/// gracefully (1001 going-away within close-timeout) and exits 0. Session events go to stdout as readable
/// lines, or as JSON event lines with <c>--events jsonl</c>; logs go to stderr.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Where the server listens unless <c>--urls</c> says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The HOCON configuration file (actor-heartbeat.server).", Required = true };
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, ';'-separated http:// URLs; port 0 picks a free port. Default {DefaultUrls}.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var events = RunCommand.EventsOption();
        var command = new Command("serve", "Run the heartbeat server until Ctrl+C.") { config, urls, events };
        command.SetAction(async (parseResult, _) =>
        {
            using var stop = ShutdownSignal.Create();
            return await RunAsync(
                parseResult.GetRequiredValue(config),
                parseResult.GetValue(urls) ?? DefaultUrls,
                parseResult.GetValue(events) == "jsonl",
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error,
                stop.Token).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// Runs the server until <paramref name="stop"/> is cancelled. Writes
    /// <c>actorheartbeat serve: listening on ws://HOST:PORT/PATH</c> to <paramref name="error"/> once listening.
    /// </summary>
    public static async Task<int> RunAsync(FileInfo file, string urls, bool jsonl, TextWriter output, TextWriter error, CancellationToken stop)
    {
        const string name = Program.CommandName + " serve";
        if (!file.Exists)
        {
            error.WriteLine($"{name}: {file.FullName}: file not found");
            return ExitCodes.BadInput;
        }

        ServerSettings settings;
        try
        {
            settings = SettingsReader.ReadServer(ConfigLoader.Load(file.FullName));
        }
        catch (HoconException e)
        {
            error.WriteLine($"{name}: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (BadUrl(urls) is { } bad)
        {
            error.WriteLine($"{name}: --urls: '{bad}' is not an http:// or https:// URL with a host");
            return ExitCodes.BadInput;
        }

        HeartbeatServerHost host;
        try
        {
            host = await HeartbeatServerHost.StartAsync(settings, new HeartbeatServerHostOptions
            {
                Urls = urls,
                ConfigureLogging = logging =>
                {
                    // Logs go to stderr only: stdout is for event lines.
                    logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                    logging.AddSimpleConsole(o => o.SingleLine = true);
                    logging.AddFilter("Microsoft", LogLevel.Warning);
                },
            }, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            error.WriteLine($"{name}: cannot listen on {urls}: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }

        await using (host.ConfigureAwait(false))
        {
            var sink = host.System.ActorOf(EventSink.Props(output, jsonl ? EventLines.Format : EventSink.Plain), "serve-events");
            host.System.EventStream.Subscribe(sink, typeof(ConnectionEvent));
            error.WriteLine($"{name}: listening on {string.Join(", ", host.Addresses.Select(a => new UriBuilder(a) { Scheme = a.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = settings.Path }.Uri))} (Ctrl+C to stop)");
            error.Flush();

            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            using var bound = new CancellationTokenSource(settings.CloseTimeout + TimeSpan.FromSeconds(10));
            await host.StopAsync(bound.Token).ConfigureAwait(false);

            // Every down was published before the shutdown completed; one round trip through the sink writes them.
            await sink.Ask<EventSink.Flush>(EventSink.Flush.Instance, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static string? BadUrl(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return urls;
        }

        return parts.FirstOrDefault(u =>
            !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host));
    }
}
