namespace ActorHeartbeat.Server.Sessions;

/// <summary>Where a session is in its life.</summary>
public enum SessionState
{
    /// <summary>Open: receiving, sending, heartbeating.</summary>
    Up,

    /// <summary>Disconnected (the reason is recorded); its socket is being closed and the session is about to go away.</summary>
    Closing,
}
