using ActorHeartbeat.Actors;
using ActorHeartbeat.Transport.Linux;

namespace ActorHeartbeat.Transport;

/// <summary>
/// The I/O event loop under <see cref="ClientWebSocketTransport"/> on Linux: one thread per process
/// that waits on epoll for every plain <c>ws://</c> connection (without protocol keepalive), reads and
/// decodes what arrives, and runs the connection actors those messages wake, on the same thread — the
/// way Node's event loop serves its sockets, without a thread-pool wake-up per message. An actor system
/// created with <see cref="CreateActorSystemSettings"/> also fires its timers (heartbeat ticks, pong
/// deadlines) on that thread, so a steady heartbeat runs on one thread end to end. Elsewhere (other
/// operating systems, <c>wss://</c>, protocol keepalive, 32-bit processes, or a process where the
/// operating system refused the loop's epoll instance) connections use the runtime's managed
/// WebSocket over its own socket engine, and these settings are plain system-clock settings.
/// </summary>
public static class TransportEventLoop
{
    /// <summary>
    /// True where the event loop is used: Linux, 64-bit process, and the loop could be created (asking
    /// starts it). When the operating system refuses it (for instance no file descriptors left),
    /// connections and timers fall back as on other platforms, for the life of the process, and
    /// <see cref="UnavailableReason"/> says why.
    /// </summary>
    public static bool IsSupported => SocketEventLoop.Shared is not null;

    /// <summary>Why the event loop is not used (platform, or the error that refused it); null where it is.</summary>
    public static string? UnavailableReason => SocketEventLoop.SharedFailure;

    /// <summary>
    /// The system clock with timers that fire on the event-loop thread where <see cref="IsSupported"/>,
    /// else <see cref="TimeProvider.System"/>. Timestamps and wall-clock time are the system's.
    /// </summary>
    public static TimeProvider TimeProvider => SocketEventLoop.Shared?.TimeProvider ?? TimeProvider.System;

    /// <summary>
    /// Actor-system settings for connections on the event loop: <see cref="TimeProvider"/> as the clock,
    /// with the shared timer queue (<see cref="ActorSystemSettings.SharedTimerQueue"/>) and the other
    /// defaults of <see cref="ActorSystemSettings"/>.
    /// </summary>
    /// <returns>New settings; pass them to <see cref="ActorSystem.Create(string, ActorSystemSettings?)"/>.</returns>
    public static ActorSystemSettings CreateActorSystemSettings() =>
        new() { TimeProvider = TimeProvider, SharedTimerQueue = true };
}
