using ActorHeartbeat.Testing;
using System.Net;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>A <see cref="HeartbeatServerHost"/> on 127.0.0.1 (a free port) with its events recorded.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private LoopbackServer(HeartbeatServerHost host)
    {
        Host = host;
        Events = EventRecorder.Subscribe(host.System);
    }

    public HeartbeatServerHost Host { get; }

    public HeartbeatServer Server => Host.Server;

    public EventRecorder Events { get; }

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Host.BaseAddress.Port);

    /// <summary>No heartbeat, no keepalive, 500 ms close-timeout unless <paramref name="configure"/> says otherwise.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<ServerSettings, ServerSettings>? configure = null)
    {
        ThreadPoolHeadroom.Ensure();
        var settings = new ServerSettings
        {
            Keepalive = null,
            CloseTimeout = TimeSpan.FromMilliseconds(500),
        };
        var host = await HeartbeatServerHost.StartAsync(configure is null ? settings : configure(settings));
        return new LoopbackServer(host);
    }

    public Uri Uri(string pathAndQuery = "/ws") => new($"ws://127.0.0.1:{Host.BaseAddress.Port}{pathAndQuery}");

    public async Task<IReadOnlyList<SessionSnapshot>> SessionsAsync() => (await Server.GetSessionsAsync()).Sessions;

    public Task WaitForSessionCountAsync(int count, TimeSpan? bound = null) =>
        Eventually.HoldsAsync(async () => (await SessionsAsync()).Count == count, bound ?? TimeSpan.FromSeconds(10), $"{count} sessions");

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
