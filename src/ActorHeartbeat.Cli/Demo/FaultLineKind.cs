namespace ActorHeartbeat.Cli.Demo;

/// <summary>What a <see cref="FaultLine"/> reports.</summary>
internal enum FaultLineKind
{
    /// <summary>The fault was injected.</summary>
    Injected,

    /// <summary>The fault was lifted.</summary>
    Healed,

    /// <summary>The fault's turn came but it could not be applied (e.g. its connection was not up).</summary>
    Skipped,
}
