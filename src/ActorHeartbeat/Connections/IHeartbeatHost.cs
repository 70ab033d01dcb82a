using ActorHeartbeat.Core;

namespace ActorHeartbeat.Connections;

/// <summary>What an actor running a <see cref="HeartbeatMonitor"/> does with the decisions that are not timers.</summary>
internal interface IHeartbeatHost
{
    /// <summary>Sends a heartbeat message (our ping, or the reply to the peer's) ahead of application traffic.</summary>
    void SendHeartbeat(OutboundMessage message, bool isPing);

    /// <summary>A ping was answered after <paramref name="roundTrip"/>.</summary>
    void RoundTripMeasured(TimeSpan roundTrip);

    /// <summary>The peer is declared dead; no further decision of the batch is applied.</summary>
    void DeclareDead(DisconnectReason reason, string detail);
}
