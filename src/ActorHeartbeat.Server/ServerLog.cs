using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Server;

/// <summary>The server's log messages, with structured fields.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Session {SessionId} up from {RemoteAddress} on {PathAndQuery}")]
    public static partial void SessionUp(ILogger logger, string sessionId, string? remoteAddress, string pathAndQuery);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Session {SessionId} down: {Reason} ({Detail}); {DroppedMessages} messages unwritten")]
    public static partial void SessionDown(ILogger logger, string sessionId, string reason, string detail, int droppedMessages);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Session {SessionId} was not opened: {Problem}")]
    public static partial void SessionRejected(ILogger logger, string sessionId, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Server stopping: closing {Sessions} sessions")]
    public static partial void ShuttingDown(ILogger logger, int sessions);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Refused a request to {Path} from {RemoteAddress}: {Cause} (HTTP {StatusCode})")]
    public static partial void Refused(ILogger logger, string path, string? remoteAddress, string cause, int statusCode);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "The WebSocket handshake from {RemoteAddress} failed")]
    public static partial void HandshakeFailed(ILogger logger, string? remoteAddress, Exception error);
}
