using ActorHeartbeat.Testing;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// A minimal Kestrel WebSocket server on 127.0.0.1 (a free port), started once per test class as an
/// xunit class fixture and stopped (bounded) after it. Endpoints: <see cref="KestrelEndpoints"/>.
/// With a certificate it speaks TLS only (<see cref="TlsKestrelPeer"/>).
/// </summary>
public class KestrelPeer : IAsyncLifetime
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);
    private WebApplication? _app;

    /// <summary>A plain-TCP server.</summary>
    public KestrelPeer()
        : this(null)
    {
    }

    /// <summary>A server that speaks TLS with <paramref name="certificate"/> when it is given.</summary>
    protected KestrelPeer(X509Certificate2? certificate) => Certificate = certificate;

    /// <summary>The server's TLS certificate; null for plain TCP.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Where the server listens (loopback).</summary>
    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    public async Task InitializeAsync()
    {
        ThreadPoolHeadroom.Ensure();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopBound);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (Certificate is { } certificate)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();

        // No server-initiated keepalive: every scenario controls who pings.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        var stopping = app.Lifetime.ApplicationStopping;
        app.Map(KestrelEndpoints.OpPing, a => a.Run(c => KestrelEndpoints.ServeAsync(c, KestrelEndpoints.AnswerOpPing, stopping)));
        app.Map(KestrelEndpoints.ProtocolOnly, a => a.Run(c => KestrelEndpoints.ServeAsync(c, static _ => null, stopping)));
        app.Map(KestrelEndpoints.TypePing, a => a.Run(c => KestrelEndpoints.ServeAsync(c, KestrelEndpoints.AnswerTypePing, stopping)));

        await app.StartAsync().WaitAsync(StopBound).ConfigureAwait(false);
        _app = app;
        var address = Assert.Single(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses);
        Endpoint = new IPEndPoint(IPAddress.Loopback, new Uri(address).Port);
    }

    public async Task DisposeAsync()
    {
        if (_app is { } app)
        {
            using var bound = new CancellationTokenSource(StopBound);
            await app.StopAsync(bound.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        Certificate?.Dispose();
    }
}
