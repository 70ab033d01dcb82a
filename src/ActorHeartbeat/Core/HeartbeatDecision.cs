namespace ActorHeartbeat.Core;

/// <summary>What the connection must do, as decided by <see cref="HeartbeatMonitor"/>.</summary>
public abstract record HeartbeatDecision
{
    private protected HeartbeatDecision()
    {
    }

    /// <summary>
    /// Start the periodic ping tick: first at the earliest whole multiple of <paramref name="Grid"/> on the
    /// clock at or after <paramref name="InitialDelay"/> from now, then every <paramref name="Interval"/>.
    /// </summary>
    public sealed record StartTicks(TimeSpan InitialDelay, TimeSpan Interval, TimeSpan Grid) : HeartbeatDecision;

    /// <summary>Send an application ping.</summary>
    public sealed record SendPing(long Sequence, string Payload) : HeartbeatDecision;

    /// <summary>Send an answer to the peer's ping.</summary>
    public sealed record SendReply(string Payload) : HeartbeatDecision;

    /// <summary>(Re)arm the single pong deadline: fire <c>PongDeadlineElapsed(Sequence)</c> after <paramref name="After"/>.</summary>
    public sealed record ArmPongDeadline(long Sequence, TimeSpan After) : HeartbeatDecision;

    /// <summary>No ping is outstanding: cancel the pong deadline.</summary>
    public sealed record CancelPongDeadline : HeartbeatDecision;

    /// <summary>(Re)arm the idle check: fire <c>IdleCheckElapsed</c> after <paramref name="After"/>.</summary>
    public sealed record ArmIdleCheck(TimeSpan After) : HeartbeatDecision;

    /// <summary>A ping was answered after <paramref name="RoundTrip"/>.</summary>
    public sealed record RoundTripMeasured(long Sequence, TimeSpan RoundTrip) : HeartbeatDecision;

    /// <summary>The peer is dead: report it now and close the connection.</summary>
    public sealed record DeclareDead(DisconnectReason Reason, string Detail) : HeartbeatDecision;
}
