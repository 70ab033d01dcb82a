using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorHeartbeat.TestKit.Tests;

/// <summary>
/// The fault proxy, end to end on loopback: a plain TCP server, the proxy in front of it, a client.
/// Timing is only ever asserted as a lower bound; everything that must happen is bounded by
/// <see cref="Bound"/>, everything that must not happen is watched for <see cref="Quiet"/>.
/// </summary>
public sealed partial class FaultProxyTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.20")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Start_RejectsATargetThatIsNotLoopback(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultProxy.Start(new IPEndPoint(IPAddress.Parse(address), 8080)));

        Assert.Equal("target", error.ParamName);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_RejectsATargetWithoutAPort_AndAnImpossibleListenPort()
    {
        Assert.Throws<ArgumentException>(() => FaultProxy.Start(new IPEndPoint(IPAddress.Loopback, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultProxy.Start(new IPEndPoint(IPAddress.Loopback, 80), listenPort: 70000));
    }

    [Fact]
    public async Task Start_ListensOn127001_AndNamesItsWebSocketUri()
    {
        using var server = new LoopbackServer();
        await using var proxy = FaultProxy.Start(new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), server.Endpoint.Port));

        Assert.Equal(IPAddress.Loopback, proxy.Endpoint.Address);
        Assert.Equal(server.Endpoint, proxy.Target);
        Assert.Equal(new Uri($"ws://127.0.0.1:{proxy.Endpoint.Port}/ws"), proxy.WebSocketUri());
        Assert.Equal($"ws://127.0.0.1:{proxy.Endpoint.Port}/feed?x=1", proxy.WebSocketUri("/feed?x=1").AbsoluteUri);
        Assert.Throws<ArgumentException>(() => proxy.WebSocketUri("ws"));
    }

    [SkippableFact]
    public async Task Start_ForAnIPv6LoopbackTarget_ListensOnIPv6Loopback()
    {
        Skip.IfNot(Socket.OSSupportsIPv6, "IPv6 is not available on this machine.");
        using var server = new LoopbackServer(IPAddress.IPv6Loopback);
        await using var proxy = FaultProxy.Start(server.Endpoint);
        using var client = await ConnectAsync(proxy.Endpoint);
        using var upstream = await server.AcceptAsync();

        await SendAsync(client, "six");

        Assert.Equal(IPAddress.IPv6Loopback, proxy.Endpoint.Address);
        Assert.Equal(new Uri($"ws://[::1]:{proxy.Endpoint.Port}/ws"), proxy.WebSocketUri());
        Assert.Equal("six", await ReceiveTextAsync(upstream, 3));
    }

    [Fact]
    public async Task ModeSwitches_RejectBadArguments()
    {
        await using var rig = await Rig.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Proxy.Delay(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Proxy.Delay(FaultProxy.MaxDelay + TimeSpan.FromTicks(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Proxy.Blackhole((FaultDirection)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Proxy.BytesForwarded((FaultDirection)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = rig.Proxy.WaitForOpenConnectionsAsync(-1); });
    }

    [Fact]
    public async Task Pass_ForwardsBothWaysByteExact_PassesHalfCloses_AndCountsBytes()
    {
        await using var rig = await Rig.StartAsync();
        var up = Pattern(300 * 1024, seed: 1);
        var down = Pattern(200 * 1024 + 7, seed: 2);

        var serverReceives = ReceiveToEndAsync(rig.Upstream);
        var clientReceives = ReceiveToEndAsync(rig.Client);
        await Task.WhenAll(SendAsync(rig.Client, up), SendAsync(rig.Upstream, down)).WaitAsync(Bound);
        rig.Client.Shutdown(SocketShutdown.Send);
        Assert.Equal(up, await serverReceives.WaitAsync(Bound));
        rig.Upstream.Shutdown(SocketShutdown.Send);
        Assert.Equal(down, await clientReceives.WaitAsync(Bound));

        Assert.Equal(up.Length, rig.Proxy.BytesForwarded(FaultDirection.ClientToServer));
        Assert.Equal(down.Length, rig.Proxy.BytesForwarded(FaultDirection.ServerToClient));
        Assert.Equal(up.Length + down.Length, rig.Proxy.BytesForwarded(FaultDirection.Both));
        Assert.Equal(0, rig.Proxy.BytesDropped(FaultDirection.Both));
        await rig.Proxy.WaitForOpenConnectionsAsync(0).WaitAsync(Bound);
        Assert.Equal(1, rig.Proxy.AcceptedConnections);
    }

    [Fact]
    public async Task Freeze_ForwardsNothingEitherWay_KeepsTheConnectionOpen_ThenPassDeliversWhatWasHeld()
    {
        await using var rig = await Rig.StartAsync();

        rig.Proxy.Freeze();
        await SendAsync(rig.Client, "ping");
        await SendAsync(rig.Upstream, "news");
        var serverReceives = ReceiveTextAsync(rig.Upstream, 4);
        var clientReceives = ReceiveTextAsync(rig.Client, 4);

        Assert.False(await CompletesWithinAsync(Task.WhenAny(serverReceives, clientReceives), Quiet));
        Assert.Equal(1, rig.Proxy.OpenConnections);
        Assert.Equal(0, rig.Proxy.BytesForwarded(FaultDirection.Both));

        rig.Proxy.Pass();

        Assert.Equal("ping", await serverReceives);
        Assert.Equal("news", await clientReceives);
    }

    [Fact]
    public async Task Freeze_StopsReading_SoTheSenderIsPushedBackUntilPass()
    {
        await using var rig = await Rig.StartAsync();
        var payload = Pattern(16 * 1024 * 1024, seed: 3);

        rig.Proxy.Freeze();
        var sending = SendAsync(rig.Client, payload);

        Assert.False(await CompletesWithinAsync(sending, Quiet), "16 MiB fitted into buffers the proxy was not reading.");
        Assert.Equal(0, rig.Proxy.BytesForwarded(FaultDirection.Both));

        rig.Proxy.Pass();

        Assert.Equal(payload, await ReceiveExactlyAsync(rig.Upstream, payload.Length).WaitAsync(Bound * 2));
        await sending.WaitAsync(Bound);
    }

    [Fact]
    public async Task Freeze_AppliesToConnectionsOpenedWhileFrozen()
    {
        using var server = new LoopbackServer();
        await using var proxy = FaultProxy.Start(server.Endpoint);

        proxy.Freeze();
        using var client = await ConnectAsync(proxy.Endpoint);
        using var upstream = await server.AcceptAsync();
        await SendAsync(client, "late");
        var serverReceives = ReceiveTextAsync(upstream, 4);

        Assert.False(await CompletesWithinAsync(serverReceives, Quiet));

        proxy.Pass();

        Assert.Equal("late", await serverReceives);
    }

    [Theory]
    [InlineData(FaultDirection.ClientToServer)]
    [InlineData(FaultDirection.ServerToClient)]
    public async Task Blackhole_DropsOneDirection_PassesTheOther_AndDroppedBytesStayLostAfterPass(FaultDirection direction)
    {
        await using var rig = await Rig.StartAsync();
        var (sender, receiver) = rig.Ends(direction);

        rig.Proxy.Blackhole(direction);
        await SendAsync(sender, "lost");
        var receives = ReceiveTextAsync(receiver, 4);
        await SendAsync(receiver, "back");

        Assert.Equal("back", await ReceiveTextAsync(sender, 4));
        Assert.False(await CompletesWithinAsync(receives, Quiet));

        rig.Proxy.Pass();
        await SendAsync(sender, "kept");

        Assert.Equal("kept", await receives);
        Assert.Equal(4, rig.Proxy.BytesDropped(direction));
        Assert.Equal(8, rig.Proxy.BytesForwarded(FaultDirection.Both));
    }

    [Fact]
    public async Task Blackhole_StillPassesTheEndOfTheStream()
    {
        await using var rig = await Rig.StartAsync();

        rig.Proxy.Blackhole(FaultDirection.Both);
        await SendAsync(rig.Client, "gone");
        rig.Client.Shutdown(SocketShutdown.Send);

        Assert.Empty(await ReceiveToEndAsync(rig.Upstream).WaitAsync(Bound));
        Assert.Equal(4, rig.Proxy.BytesDropped(FaultDirection.ClientToServer));
    }

    [Theory]
    [InlineData(FaultDirection.ClientToServer)]
    [InlineData(FaultDirection.ServerToClient)]
    public async Task Delay_DeliversAChunkNoEarlierThanTheDelayAfterItWasSent(FaultDirection direction)
    {
        await using var rig = await Rig.StartAsync();
        var (sender, receiver) = rig.Ends(direction);
        var delay = TimeSpan.FromMilliseconds(150);

        rig.Proxy.Delay(delay, direction);
        var clock = Stopwatch.StartNew();
        await SendAsync(sender, "slow");

        Assert.Equal("slow", await ReceiveTextAsync(receiver, 4));
        Assert.True(clock.Elapsed >= delay, $"Arrived after {clock.Elapsed.TotalMilliseconds} ms, before the {delay.TotalMilliseconds} ms delay.");
    }

    [Fact]
    public async Task Delay_Both_DelaysTheRoundTripByTwiceTheDelay_AndKeepsOrder()
    {
        await using var rig = await Rig.StartAsync();
        var delay = TimeSpan.FromMilliseconds(150);
        var pieces = Enumerable.Range(0, 50).Select(i => Pattern(100, seed: (uint)i + 10)).ToArray();

        rig.Proxy.Delay(delay);
        var clock = Stopwatch.StartNew();
        foreach (var piece in pieces)
        {
            await SendAsync(rig.Client, piece);
        }

        var received = await ReceiveExactlyAsync(rig.Upstream, 5000).WaitAsync(Bound);
        await SendAsync(rig.Upstream, received);
        var echoed = await ReceiveExactlyAsync(rig.Client, 5000).WaitAsync(Bound);

        Assert.Equal(pieces.SelectMany(piece => piece), echoed);
        Assert.True(clock.Elapsed >= 2 * delay, $"Round trip took {clock.Elapsed.TotalMilliseconds} ms, less than twice the {delay.TotalMilliseconds} ms delay.");
    }

    [Fact]
    public async Task Delay_IsTimedByTheGivenTimeProvider()
    {
        using var server = new LoopbackServer();
        var time = new ManualTimeProvider();
        await using var proxy = FaultProxy.Start(server.Endpoint, timeProvider: time);
        using var client = await ConnectAsync(proxy.Endpoint);
        using var upstream = await server.AcceptAsync();

        proxy.Delay(TimeSpan.FromMilliseconds(1));
        await SendAsync(client, "tick");
        var receives = ReceiveTextAsync(upstream, 4);

        Assert.False(await CompletesWithinAsync(receives, Quiet), "A 1 ms delay elapsed although the virtual clock stood still.");

        proxy.Pass();

        Assert.Equal("tick", await receives);
    }

    [Fact]
    public async Task Pass_ReleasesChunksThatAreWaitingOutADelay()
    {
        await using var rig = await Rig.StartAsync();

        rig.Proxy.Delay(TimeSpan.FromHours(1), FaultDirection.ClientToServer);
        await SendAsync(rig.Client, "held");
        var receives = ReceiveTextAsync(rig.Upstream, 4);
        Assert.False(await CompletesWithinAsync(receives, Quiet));

        rig.Proxy.Pass();

        Assert.Equal("held", await receives);
    }

    [Fact]
    public async Task ResetAll_ResetsBothSides_AndNewConnectionsStillWork()
    {
        await using var rig = await Rig.StartAsync();
        rig.Proxy.Freeze();
        await SendAsync(rig.Client, "held");

        rig.Proxy.ResetAll();

        Assert.Equal(0, rig.Proxy.OpenConnections);
        await ExpectResetAsync(rig.Client);
        await ExpectResetAsync(rig.Upstream);

        rig.Proxy.Pass();
        using var again = await ConnectAsync(rig.Proxy.Endpoint);
        using var upstream = await rig.Server.AcceptAsync();
        await SendAsync(again, "anew");
        Assert.Equal("anew", await ReceiveTextAsync(upstream, 4));
        Assert.Equal(2, rig.Proxy.AcceptedConnections);
    }

    [Fact]
    public async Task AResetFromOneSide_IsPassedOnAsAResetToTheOther()
    {
        await using var rig = await Rig.StartAsync();

        rig.Client.LingerState = new LingerOption(true, 0);
        rig.Client.Close();

        await ExpectResetAsync(rig.Upstream);
        await rig.Proxy.WaitForOpenConnectionsAsync(0).WaitAsync(Bound);
    }

    [Fact]
    public async Task Refuse_FailsNewConnects_LeavesOpenConnectionsAlone_ThenPassAcceptsOnTheSamePort()
    {
        await using var rig = await Rig.StartAsync();
        var endpoint = rig.Proxy.Endpoint;

        rig.Proxy.Refuse();
        rig.Proxy.Refuse();

        Assert.True(rig.Proxy.IsRefusing);
        var refused = await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(endpoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await SendAsync(rig.Client, "open");
        Assert.Equal("open", await ReceiveTextAsync(rig.Upstream, 4));

        rig.Proxy.Pass();

        Assert.False(rig.Proxy.IsRefusing);
        Assert.Equal(endpoint, rig.Proxy.Endpoint);
        using var again = await ConnectAsync(endpoint);
        using var upstream = await rig.Server.AcceptAsync();
        await SendAsync(again, "back");
        Assert.Equal("back", await ReceiveTextAsync(upstream, 4));
        Assert.Equal(2, rig.Proxy.AcceptedConnections);
    }

    [Fact]
    public async Task AnUnreachableTarget_ResetsTheClientConnection()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();
        await using var proxy = FaultProxy.Start(target);

        // The reset can come so fast that the client's connect already reports it.
        var reset = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            using var client = await ConnectAsync(proxy.Endpoint);
            await client.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(Bound);
        });

        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
        Assert.Equal(1, proxy.AcceptedConnections);
        Assert.Equal(0, proxy.OpenConnections);
    }

    [Fact]
    public async Task WaitForOpenConnections_CanBeCancelled_AndFailsWhenTheProxyIsDisposed()
    {
        var rig = await Rig.StartAsync();
        using var cancel = new CancellationTokenSource();

        var cancelled = rig.Proxy.WaitForOpenConnectionsAsync(5, cancel.Token);
        var pending = rig.Proxy.WaitForOpenConnectionsAsync(7);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Bound));
        await rig.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(Bound));
    }

    [Fact]
    public async Task Dispose_ResetsEveryConnectionEvenWhileBytesAreHeld_AndLaterConnectsAreRefused()
    {
        var rig = await Rig.StartAsync();
        var endpoint = rig.Proxy.Endpoint;
        rig.Proxy.Delay(TimeSpan.FromHours(1));
        await SendAsync(rig.Client, "held");

        await rig.Proxy.DisposeAsync().AsTask().WaitAsync(Bound);
        await rig.Proxy.DisposeAsync();

        await ExpectResetAsync(rig.Client);
        await ExpectResetAsync(rig.Upstream);
        Assert.Equal(0, rig.Proxy.OpenConnections);
        var refused = await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(endpoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Throws<ObjectDisposedException>(rig.Proxy.Pass);
        Assert.Throws<ObjectDisposedException>(rig.Proxy.Refuse);
        Assert.Throws<ObjectDisposedException>(rig.Proxy.ResetAll);
        await rig.DisposeAsync();
    }
}
