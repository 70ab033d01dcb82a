using ActorHeartbeat.Connections;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Server;

/// <summary>The questions and commands the server supervisor understands, and its answers.</summary>
public sealed partial class ServerSupervisor
{
    /// <summary>How many ended sessions <see cref="SessionsSnapshot.RecentDisconnects"/> keeps.</summary>
    public const int RecentDisconnectCapacity = 256;

    /// <summary>Asks for the live sessions (those matching <paramref name="Filter"/>, all when null); answered with a <see cref="SessionsSnapshot"/>.</summary>
    /// <param name="Filter">A predicate over the handshake data, evaluated inside the supervisor (keep it cheap and side-effect free).</param>
    public sealed record GetSessions(Func<SessionInfo, bool>? Filter = null);

    /// <summary>
    /// Queues <paramref name="Message"/> for every open session matching <paramref name="Filter"/> (all when
    /// null). Each session has its own bounded queue: a client whose queue is full is disconnected with
    /// <see cref="DisconnectReason.SlowConsumer"/> and the others never wait for it. The sender (if any)
    /// gets a <see cref="BroadcastQueued"/>.
    /// </summary>
    /// <param name="Message">The message.</param>
    /// <param name="Filter">A predicate over the handshake data, or null for all sessions.</param>
    public sealed record Broadcast(OutboundMessage Message, Func<SessionInfo, bool>? Filter = null);

    /// <summary>The answer to <see cref="Broadcast"/>: how many sessions the message was queued for.</summary>
    /// <param name="Sessions">Sessions that got the message.</param>
    public sealed record BroadcastQueued(int Sessions);

    /// <summary>
    /// Queues <paramref name="Message"/> for one session. Nothing answers a queued message; a message to an
    /// unknown or closing session is counted as dropped and answered with a <see cref="SendRejected"/>
    /// (whose <c>Connection</c> is the session id).
    /// </summary>
    /// <param name="SessionId">The session.</param>
    /// <param name="Message">The message.</param>
    public sealed record SendTo(string SessionId, OutboundMessage Message);

    /// <summary>
    /// Disconnects a session from the server side: it is reported down with <paramref name="Reason"/> at
    /// once, then closed (close frame — 1000 for <see cref="DisconnectReason.DisconnectedByServer"/> —
    /// within close-timeout, then abort). Answered with a <see cref="DisconnectResult"/>.
    /// </summary>
    /// <param name="SessionId">The session.</param>
    /// <param name="Reason">The reason recorded and sent in the close frame.</param>
    /// <param name="Detail">A readable explanation for the event line; null for a default.</param>
    public sealed record Disconnect(string SessionId, DisconnectReason Reason = DisconnectReason.DisconnectedByServer, string? Detail = null);

    /// <summary>The answer to <see cref="Disconnect"/>.</summary>
    /// <param name="SessionId">The session.</param>
    /// <param name="Accepted">True when the session was open and is now closing.</param>
    /// <param name="Problem">Why not, when not accepted.</param>
    public sealed record DisconnectResult(string SessionId, bool Accepted, string? Problem);

    /// <summary>
    /// Subscribes <paramref name="Subscriber"/> to every session's <see cref="ConnectionEvent"/> (up, down)
    /// and <see cref="SessionMessage"/> (application messages from clients). The events are also published
    /// on the actor system's event stream. A subscriber that stops is removed.
    /// </summary>
    /// <param name="Subscriber">The actor to notify.</param>
    public sealed record Subscribe(Actors.IActorRef Subscriber);

    /// <summary>Ends a <see cref="Subscribe"/>.</summary>
    /// <param name="Subscriber">The actor.</param>
    public sealed record Unsubscribe(Actors.IActorRef Subscriber);

    /// <summary>An application message (not heartbeat traffic) a client sent.</summary>
    /// <param name="SessionId">The session.</param>
    /// <param name="Message">The message (text or binary).</param>
    public sealed record SessionMessage(string SessionId, InboundMessage Message);

    /// <summary>
    /// Closes every session with <see cref="DisconnectReason.Shutdown"/> (close frame 1001 going-away
    /// within close-timeout, then abort) and accepts no new ones; answered with
    /// <see cref="ShutdownCompleted"/> once every session has stopped.
    /// </summary>
    public sealed record Shutdown
    {
        /// <summary>The instance.</summary>
        public static Shutdown Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="Shutdown"/>: no session is left.</summary>
    public sealed record ShutdownCompleted
    {
        /// <summary>The instance.</summary>
        public static ShutdownCompleted Instance { get; } = new();
    }

    /// <summary>Hands an accepted WebSocket to the supervisor, which creates its session actor (named after the id).</summary>
    /// <param name="Info">The handshake data; <see cref="SessionInfo.Id"/> must be a valid, unused actor name.</param>
    /// <param name="Connection">The open socket; the session owns it from now on.</param>
    /// <param name="Completion">Completed when the session has stopped and its socket is disposed.</param>
    internal sealed record OpenSession(SessionInfo Info, IWebSocketConnection Connection, TaskCompletionSource Completion);
}
