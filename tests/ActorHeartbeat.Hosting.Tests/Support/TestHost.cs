using ActorHeartbeat.Actors;
using ActorHeartbeat.TestKit;
using ActorHeartbeat.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Tests.Support;

/// <summary>
/// A generic host with ActorHeartbeat on the in-memory transport and a virtual clock (no timer fires
/// unless the test advances it), logs captured, the content root a fresh temporary directory.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private bool _stopped;

    private TestHost(IHost host, string contentRoot, InMemoryTransport transport, CapturingLoggerProvider logs)
    {
        Host = host;
        ContentRoot = contentRoot;
        Transport = transport;
        Logs = logs;
    }

    public IHost Host { get; }

    public string ContentRoot { get; }

    public InMemoryTransport Transport { get; }

    public CapturingLoggerProvider Logs { get; }

    public ManualTimeProvider Time => (ManualTimeProvider)Host.Services.GetRequiredService<TimeProvider>();

    public IHeartbeatConnections Connections => Host.Services.GetRequiredService<IHeartbeatConnections>();

    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    /// <summary>Builds the host; <paramref name="files"/> are written to the content root first (name → text).</summary>
    public static TestHost Build(
        Action<IActorHeartbeatBuilder> configure,
        IReadOnlyDictionary<string, string>? files = null,
        Action<IServiceCollection>? services = null)
    {
        var contentRoot = Directory.CreateTempSubdirectory("ahb-hosting-").FullName;
        foreach (var (name, text) in files ?? new Dictionary<string, string>())
        {
            var path = Path.Combine(contentRoot, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var transport = new InMemoryTransport();
        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            DisableDefaults = true,
        });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        builder.Services.AddSingleton<IWebSocketTransport>(transport);
        builder.Services.AddSingleton<IRandomSource>(new FixedRandom(0.0));
        services?.Invoke(builder.Services);
        builder.Services.AddActorHeartbeat(configure);
        return new TestHost(builder.Build(), contentRoot, transport, logs);
    }

    public static async Task<TestHost> StartAsync(Action<IActorHeartbeatBuilder> configure, IReadOnlyDictionary<string, string>? files = null)
    {
        var host = Build(configure, files);
        await host.Host.StartAsync().WaitAsync(Bound);
        return host;
    }

    public async Task StopAsync()
    {
        _stopped = true;
        using var bound = new CancellationTokenSource(Bound);
        await Host.StopAsync(bound.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        await ((IAsyncDisposable)Host).DisposeAsync();
        Directory.Delete(ContentRoot, recursive: true);
    }
}
