using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.Transport;
using Microsoft.AspNetCore.Http;

namespace ActorHeartbeat.Server;

/// <summary>The endpoint: checks a request, accepts the WebSocket and hands it to a session actor.</summary>
public sealed partial class HeartbeatServer
{
    /// <summary>
    /// Serves one request on the endpoint's path: 400 for a request that is not a WebSocket handshake,
    /// 403 for an Origin not in allowed-origins, 503 while stopping or when max-connections sessions are
    /// open; otherwise accepts the WebSocket (with the protocol keepalive of the settings) and returns
    /// when its session has ended.
    /// </summary>
    internal async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var remote = context.Connection.RemoteIpAddress is { } address
            ? $"{(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)}:{context.Connection.RemotePort}"
            : null;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            Refuse(context, remote, StatusCodes.Status400BadRequest, "not-websocket", "this endpoint only accepts WebSocket requests");
            return;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && Settings.AllowedOrigins.Count > 0 &&
            !Settings.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            Refuse(context, remote, StatusCodes.Status403Forbidden, "origin", $"origin {origin} is not allowed");
            return;
        }

        if (_stopping)
        {
            Refuse(context, remote, StatusCodes.Status503ServiceUnavailable, "stopping", "the server is stopping");
            return;
        }

        if (!_slots.TryReserve())
        {
            Refuse(context, remote, StatusCodes.Status503ServiceUnavailable, "max-connections", $"{Settings.MaxConnections} sessions are open (max-connections)");
            return;
        }

        IWebSocketConnection connection;
        try
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = Settings.Keepalive?.Interval ?? TimeSpan.Zero,
                KeepAliveTimeout = Settings.Keepalive?.Timeout ?? Timeout.InfiniteTimeSpan,
            }).ConfigureAwait(false);
            connection = WebSocketConnections.Wrap(socket);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _slots.Release();
            ServerLog.HandshakeFailed(_logger, remote, e);
            return;
        }

        var info = new SessionInfo(
            NextSessionId(),
            remote,
            (request.PathBase + request.Path).Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            origin.Length > 0 ? origin : null,
            connection.SubProtocol,
            System.TimeProvider.GetUtcNow());
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            Supervisor.Tell(new ServerSupervisor.OpenSession(info, connection, completion));
        }
        catch (InvalidOperationException)
        {
            // The actor system has terminated: nobody can own the socket.
            connection.Abort();
            connection.Dispose();
            _slots.Release();
            return;
        }

        // The request lives as long as the session; the socket is disposed by the session actor.
        await Task.WhenAny(completion.Task, System.WhenTerminated).ConfigureAwait(false);
    }

    private void Refuse(HttpContext context, string? remote, int status, string cause, string message)
    {
        _metrics.Refused(cause);
        ServerLog.Refused(_logger, context.Request.Path, remote, message, status);
        context.Response.StatusCode = status;
    }
}
