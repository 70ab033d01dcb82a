namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// The fault schedule of a run, decided up front and deterministically: one fault every
/// <see cref="DemoTimings.Gap"/> from the end of the warm-up until the tail, the kinds in turn,
/// each on the next connection (round robin) that suits the kind and has cooled down since its
/// last fault. A slot with no such connection stays empty.
/// </summary>
internal static class DemoPlan
{
    private static readonly FaultKind[] Rotation =
    [
        FaultKind.FrozenPeer, FaultKind.DroppedTcp, FaultKind.SlowPongs, FaultKind.RefusedConnects, FaultKind.PeerClose,
    ];

    /// <summary>The profile of connection <paramref name="index"/>: keepalive, json, respond in turn.</summary>
    public static DemoProfile ProfileOf(int index) => (DemoProfile)(index % 3);

    /// <summary>The id of connection <paramref name="index"/>, e.g. <c>json-02</c>.</summary>
    public static string IdOf(int index) => $"{DemoNames.Of(ProfileOf(index))}-{index + 1:00}";

    /// <summary>Whether <paramref name="kind"/> shows something on a connection of <paramref name="profile"/>.</summary>
    /// <remarks>Slow pongs are a matter of the client's own pong deadline, so only the JSON heartbeat has one to miss.</remarks>
    public static bool Suits(FaultKind kind, DemoProfile profile) => kind != FaultKind.SlowPongs || profile == DemoProfile.Json;

    public static IReadOnlyList<PlannedFault> Create(int connections, TimeSpan duration, DemoTimings timings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        var faults = new List<PlannedFault>();
        var lastFault = new TimeSpan?[connections];
        var cursor = 0;
        var slot = 0;
        for (var at = timings.Warmup; at + timings.Tail <= duration; at += timings.Gap, slot++)
        {
            var kind = Rotation[slot % Rotation.Length];
            for (var tried = 0; tried < connections; tried++)
            {
                var index = (cursor + tried) % connections;
                if (Suits(kind, ProfileOf(index)) && (lastFault[index] is not { } last || at - last >= timings.Cooldown))
                {
                    faults.Add(new PlannedFault(faults.Count + 1, at, index, kind));
                    lastFault[index] = at;
                    cursor = index + 1;
                    break;
                }
            }
        }

        return faults;
    }
}
