namespace ActorHeartbeat.Settings;

/// <summary>The client-side settings under <c>actor-heartbeat</c>.</summary>
/// <param name="Connections">The connections under <c>connections</c>, each merged onto <c>connection-defaults</c>, ordered by id.</param>
/// <param name="RttSamples">Round-trip samples kept per connection (<c>registry.rtt-samples</c>).</param>
/// <param name="MaxReconnectsPerSecond">Reconnect attempts per second across all connections (<c>max-reconnects-per-second</c>).</param>
public sealed record ActorHeartbeatSettings(
    IReadOnlyList<ConnectionSettings> Connections,
    int RttSamples,
    double MaxReconnectsPerSecond);
