namespace ActorHeartbeat.Hosting.Internal;

/// <summary>What the builder collected: HOCON sources in order (later ones win) and connections defined in code.</summary>
internal sealed class ActorHeartbeatOptions
{
    public List<HoconSource> Sources { get; } = [];

    public List<CodeConnection> Connections { get; } = [];
}
