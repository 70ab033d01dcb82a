using ActorHeartbeat.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Settings;
using ActorHeartbeat.TestKit;
using ActorHeartbeat.Transport;
using Xunit.Abstractions;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// One fault scenario: a <see cref="FaultProxy"/> in front of a server, our <see cref="LoopbackClient"/>
/// connected through it, and the steps every scenario takes — up, healthy for a while, a fault
/// detected with the right reason within its bound, healed, up and healthy again. Every wait is
/// bounded; every measured latency is written to the test output as a <c>[measure]</c> line.
/// </summary>
internal sealed class FaultScenario : IAsyncDisposable
{
    private static readonly TimeSpan FirstConnectBound = TimeSpan.FromSeconds(5);

    private readonly ITestOutputHelper _output;
    private readonly string _name;

    private FaultScenario(FaultProxy proxy, LoopbackClient client, ITestOutputHelper output, string name)
    {
        Proxy = proxy;
        Client = client;
        _output = output;
        _name = name;
    }

    public FaultProxy Proxy { get; }

    public LoopbackClient Client { get; }

    public EventLog Events => Client.Events;

    private bool HasApplicationHeartbeat => Client.Settings.Heartbeat.Heartbeat is not null;

    /// <summary>Starts the proxy in front of <paramref name="server"/> and the client on <paramref name="path"/> through it (on <paramref name="transport"/>, when given).</summary>
    public static async Task<FaultScenario> StartAsync(IPEndPoint server, string path, Func<Uri, ConnectionSettings> settings, ITestOutputHelper output, string name, ClientWebSocketTransport? transport = null)
    {
        ThreadPoolHeadroom.Ensure();
        var proxy = FaultProxy.Start(server);
        try
        {
            return new FaultScenario(proxy, LoopbackClient.Start(settings(proxy.WebSocketUri(path)), transport), output, name);
        }
        catch
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for the first up; a down before it fails the test.</summary>
    public async Task<RecordedEvent> WaitUpAsync()
    {
        var first = await Events.WaitForAsync(e => e.Kind is ConnectionEventKind.Up or ConnectionEventKind.Down, 0, FirstConnectBound, "first up").ConfigureAwait(false);
        Assert.True(first.Kind == ConnectionEventKind.Up, $"The first connect failed:{Environment.NewLine}{Events.Describe()}");
        var connecting = Events.Since(0)[0];
        Measure("first connect", Stopwatch.GetElapsedTime(connecting.ArrivedAt, first.ArrivedAt), ClientConfig.ConnectTimeout);
        return first;
    }

    /// <summary>
    /// Lets the connection run for <paramref name="span"/> (real time) and asserts it never went down —
    /// neither in that span nor before it — and is up; with an application heartbeat, that pings were
    /// answered (round trips in the registry) after <paramref name="upSince"/>.
    /// </summary>
    public async Task<ConnectionLiveness> StaysHealthyAsync(TimeSpan span, RecordedEvent upSince)
    {
        await Task.Delay(span, TimeProvider.System).ConfigureAwait(false);
        var downs = Events.Since(upSince.Index).Where(e => e.Kind == ConnectionEventKind.Down).ToList();
        Assert.True(downs.Count == 0, $"A healthy connection was declared dead:{Environment.NewLine}{Events.Describe()}");
        var liveness = await Client.LivenessAsync().ConfigureAwait(false);
        Assert.Equal(ConnectionState.Up, liveness.State);
        if (HasApplicationHeartbeat)
        {
            Assert.True(liveness.LastPong > upSince.Event.Timestamp, $"No ping was answered in the {span.TotalMilliseconds:0} ms after up: {liveness}");
            Assert.NotNull(liveness.RoundTrip);
        }

        return liveness;
    }

    /// <summary>
    /// Waits for the first up, lets the connection run for <see cref="DetectionBounds.HealthyPhase"/> and
    /// asserts it stayed up with a round trip for (nearly) every interval: at least three.
    /// </summary>
    public async Task<ConnectionLiveness> UpWithRoundTripsAsync()
    {
        var up = await WaitUpAsync().ConfigureAwait(false);
        var healthy = await StaysHealthyAsync(DetectionBounds.HealthyPhase, up).ConfigureAwait(false);
        Assert.True(healthy.RoundTrip?.Count >= 3, $"Expected a round trip per interval, got {healthy.RoundTrip}");
        return healthy;
    }

    /// <summary>
    /// Injects <paramref name="fault"/> and waits for the next down: it must carry <paramref name="expected"/>
    /// and arrive within <paramref name="bound"/> of the injection.
    /// </summary>
    public async Task<RecordedEvent> DetectAsync(string fault, Action inject, DisconnectReason expected, TimeSpan bound)
    {
        var from = Events.Count;
        var injectedAt = Stopwatch.GetTimestamp();
        inject();
        var down = await Events.WaitForAsync(e => e.Kind == ConnectionEventKind.Down, from, bound + TimeSpan.FromSeconds(5), $"down after {fault}").ConfigureAwait(false);
        var latency = down.Since(injectedAt);
        Measure($"{fault} -> down({down.Reason?.ToKebab()})", latency, bound);
        _output.WriteLine($"  detail: {down.Event.Detail}");
        Assert.True(down.Reason == expected, $"{fault} was reported as {down.Reason?.ToKebab()}, expected {expected.ToKebab()}:{Environment.NewLine}{Events.Describe()}");
        Assert.True(latency <= bound, $"{fault} was detected after {Ms(latency)} ms, above the bound of {Ms(bound)} ms:{Environment.NewLine}{Events.Describe()}");
        return down;
    }

    /// <summary>Heals the proxy (<see cref="FaultProxy.Pass"/>) and expects up within the recovery bound, then a healthy connection.</summary>
    public Task<RecordedEvent> HealAsync() => RecoverAsync("pass", Proxy.Pass);

    /// <summary>Runs <paramref name="heal"/> (may do nothing) and expects up within the recovery bound, then a healthy connection.</summary>
    public async Task<RecordedEvent> RecoverAsync(string what, Action heal)
    {
        var from = Events.Count;
        var healedAt = Stopwatch.GetTimestamp();
        heal();
        var bound = DetectionBounds.Recovery;
        var up = await Events.WaitForAsync(e => e.Kind == ConnectionEventKind.Up, from, bound + TimeSpan.FromSeconds(5), $"up after {what}").ConfigureAwait(false);
        var latency = up.Since(healedAt);
        Measure($"{what} -> up", latency, bound);
        Assert.True(latency <= bound, $"Up {Ms(latency)} ms after {what}, above the bound of {Ms(bound)} ms:{Environment.NewLine}{Events.Describe()}");
        await StaysHealthyAsync(2 * ClientConfig.HeartbeatInterval, up).ConfigureAwait(false);
        return up;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Proxy.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Measure(string what, TimeSpan latency, TimeSpan bound) =>
        _output.WriteLine($"[measure] {_name}: {what} {Ms(latency)} ms (bound {Ms(bound)} ms)");

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
