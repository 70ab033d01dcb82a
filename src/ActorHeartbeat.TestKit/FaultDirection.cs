namespace ActorHeartbeat.TestKit;

/// <summary>Which way through a <see cref="FaultProxy"/> a fault applies to.</summary>
public enum FaultDirection
{
    /// <summary>Bytes the connecting client sends towards the proxied server.</summary>
    ClientToServer,

    /// <summary>Bytes the proxied server sends back to the client.</summary>
    ServerToClient,

    /// <summary>Both directions at once.</summary>
    Both,
}
