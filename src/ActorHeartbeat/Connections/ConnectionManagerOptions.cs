using ActorHeartbeat.Actors;
using ActorHeartbeat.Settings;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Connections;

/// <summary>What a <see cref="ConnectionManager"/> starts with.</summary>
public sealed record ConnectionManagerOptions
{
    /// <summary>Connections to supervise from the start.</summary>
    public IReadOnlyList<ConnectionSettings> Connections { get; init; } = [];

    /// <summary>Opens the WebSockets. Required (use one <see cref="ClientWebSocketTransport"/> for the whole process).</summary>
    public required IWebSocketTransport Transport { get; init; }

    /// <summary>Round-trip samples kept per connection (HOCON <c>registry.rtt-samples</c>). Default 128.</summary>
    public int RttSamples { get; init; } = 128;

    /// <summary>Reconnect attempts per second across all connections (HOCON <c>max-reconnects-per-second</c>). Default 200.</summary>
    public double MaxReconnectsPerSecond { get; init; } = 200;

    /// <summary>Random samples for jitter and heartbeat phases. Default <see cref="SystemRandomSource.Instance"/>.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
