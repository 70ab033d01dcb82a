using ActorHeartbeat.Actors.Timers;
using ActorHeartbeat.Core;
using static ActorHeartbeat.Connections.SocketSignals;

namespace ActorHeartbeat.Connections;

/// <summary>
/// Turns the decisions of a <see cref="HeartbeatMonitor"/> into an actor's timers and calls on its
/// <see cref="IHeartbeatHost"/> — one translation for client connections and server sessions.
/// </summary>
internal static class HeartbeatDecisions
{
    /// <summary>The periodic heartbeat tick's timer key.</summary>
    public const string TickKey = "tick";

    /// <summary>The pong deadline's timer key (one deadline at a time: for the oldest unanswered ping).</summary>
    public const string PongDeadlineKey = "pong-deadline";

    /// <summary>The idle check's timer key.</summary>
    public const string IdleKey = "idle-check";

    /// <summary>Applies <paramref name="decisions"/> in order; stops after a <see cref="HeartbeatDecision.DeclareDead"/>.</summary>
    public static void Apply(IReadOnlyList<HeartbeatDecision> decisions, ITimerScheduler timers, IHeartbeatHost host)
    {
        // Indexed, not foreach: enumerating an IReadOnlyList would allocate an enumerator per call.
        for (var i = 0; i < decisions.Count; i++)
        {
            switch (decisions[i])
            {
                case HeartbeatDecision.StartTicks start:
                    timers.StartAlignedPeriodicTimer(TickKey, HeartbeatTick.Instance, start.InitialDelay, start.Interval, start.Grid);
                    break;
                case HeartbeatDecision.SendPing ping:
                    host.SendHeartbeat(OutboundMessage.OfText(ping.Payload), isPing: true);
                    break;
                case HeartbeatDecision.SendReply reply:
                    host.SendHeartbeat(OutboundMessage.OfText(reply.Payload), isPing: false);
                    break;
                case HeartbeatDecision.ArmPongDeadline arm:
                    timers.StartSingleTimer(PongDeadlineKey, new PongDeadline(arm.Sequence), arm.After);
                    break;
                case HeartbeatDecision.CancelPongDeadline:
                    timers.Cancel(PongDeadlineKey);
                    break;
                case HeartbeatDecision.ArmIdleCheck idle:
                    timers.StartSingleTimer(IdleKey, IdleCheck.Instance, idle.After);
                    break;
                case HeartbeatDecision.RoundTripMeasured measured:
                    host.RoundTripMeasured(measured.RoundTrip);
                    break;
                case HeartbeatDecision.DeclareDead dead:
                    host.DeclareDead(dead.Reason, dead.Detail);
                    return;
            }
        }
    }
}
