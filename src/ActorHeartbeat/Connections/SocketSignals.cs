using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Connections;

/// <summary>
/// The messages an actor that owns a WebSocket (a client connection actor, a server session actor)
/// sends itself: outcomes of its receive, send and close, and its heartbeat timers.
/// </summary>
internal static class SocketSignals
{
    /// <summary>A receive completed with a message.</summary>
    public sealed record Received(InboundMessage Message);

    /// <summary>A receive failed.</summary>
    public sealed record ReceiveFailed(Exception Error);

    /// <summary>A send that did not complete at once has completed.</summary>
    public sealed record SendDone
    {
        public static SendDone Instance { get; } = new();
    }

    /// <summary>A send failed.</summary>
    public sealed record SendFailed(Exception Error);

    /// <summary>The heartbeat's periodic tick.</summary>
    public sealed record HeartbeatTick
    {
        public static HeartbeatTick Instance { get; } = new();
    }

    /// <summary>The pong deadline of ping <paramref name="Sequence"/>; a stale one is recognised by the monitor.</summary>
    public sealed record PongDeadline(long Sequence);

    /// <summary>Time to check whether anything arrived within the idle timeout.</summary>
    public sealed record IdleCheck
    {
        public static IdleCheck Instance { get; } = new();
    }

    /// <summary>The close handshake ended (either way).</summary>
    public sealed record CloseDone
    {
        public static CloseDone Instance { get; } = new();
    }

    /// <summary>The close handshake took longer than close-timeout.</summary>
    public sealed record CloseTimedOut
    {
        public static CloseTimedOut Instance { get; } = new();
    }
}
