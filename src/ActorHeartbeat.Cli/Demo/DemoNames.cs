namespace ActorHeartbeat.Cli.Demo;

/// <summary>The kebab-case names the demo prints for its profiles and faults.</summary>
internal static class DemoNames
{
    public static string Of(FaultKind kind) => kind switch
    {
        FaultKind.FrozenPeer => "frozen-peer",
        FaultKind.DroppedTcp => "dropped-tcp",
        FaultKind.RefusedConnects => "refused-connects",
        FaultKind.SlowPongs => "slow-pongs",
        FaultKind.PeerClose => "peer-close",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind."),
    };

    public static string Of(DemoProfile profile) => profile switch
    {
        DemoProfile.Keepalive => "keepalive",
        DemoProfile.Json => "json",
        DemoProfile.Respond => "respond",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown profile."),
    };
}
