using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Transport;
using Xunit.Abstractions;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// Our client over <c>wss://</c> against Kestrel with a certificate made for 127.0.0.1, in real time
/// on real sockets: TLS, the opening handshake and the heartbeat through it, a freeze detected through
/// the fault proxy (which carries the encrypted bytes as they are), and a certificate the system does
/// not trust refused with a reason.
/// </summary>
public sealed class KestrelTlsTests(TlsKestrelPeer server, ITestOutputHelper output) : IClassFixture<TlsKestrelPeer>
{
    [Fact]
    public async Task Wss_PinnedCertificate_IsUpAndAnswering_AFrozenServerIsHeartbeatTimeout_AndUpAgainAfterPass()
    {
        var transport = new ClientWebSocketTransport(useHttpHandler: false, eventLoop: true, serverCertificate: LoopbackCertificate.Pin(server.Certificate!));
        await using var scenario = await FaultScenario.StartAsync(server.Endpoint, KestrelEndpoints.OpPing, url => ClientConfig.ApplicationHeartbeat(Secure(url)), output, "kestrel wss freeze", transport);
        await scenario.UpWithRoundTripsAsync();

        await scenario.DetectAsync("freeze", scenario.Proxy.Freeze, DisconnectReason.HeartbeatTimeout, DetectionBounds.ApplicationHeartbeat);

        await scenario.HealAsync();
    }

    [Fact]
    public async Task Wss_CertificateTheSystemDoesNotTrust_IsConnectFailed_SayingSo()
    {
        var url = new Uri($"wss://127.0.0.1:{server.Endpoint.Port}{KestrelEndpoints.OpPing}");
        await using var client = LoopbackClient.Start(ClientConfig.ApplicationHeartbeat(url));

        var down = await client.Events.WaitForAsync(e => e.Kind == ConnectionEventKind.Down, 0, ClientConfig.ConnectTimeout + DetectionBounds.Margin, "down");

        Assert.Equal(DisconnectReason.ConnectFailed, down.Reason);
        Assert.Contains("certificate", down.Event.Detail, StringComparison.OrdinalIgnoreCase);
    }

    private static Uri Secure(Uri url) => new UriBuilder(url) { Scheme = "wss" }.Uri;
}
