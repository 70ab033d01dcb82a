namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>One burst of a <see cref="PingPongRig"/>: its stop request and its completion countdown.</summary>
internal sealed class PingPongBurst(int pairs) : IDisposable
{
    public static PingPongBurst None { get; } = new(1);

    public volatile bool StopRequested;

    public CountdownEvent Done { get; } = new(pairs);

    public void Dispose() => Done.Dispose();
}
