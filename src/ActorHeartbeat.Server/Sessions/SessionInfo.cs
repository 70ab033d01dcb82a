namespace ActorHeartbeat.Server.Sessions;

/// <summary>What is known about one accepted WebSocket from its handshake.</summary>
/// <param name="Id">The session id (unique within the server; the <c>connection</c> of its event lines).</param>
/// <param name="RemoteAddress">The client's address and port as text (e.g. <c>127.0.0.1:50412</c>), or null when unknown.</param>
/// <param name="Path">The request path (e.g. <c>/ws</c>).</param>
/// <param name="Query">The request's query string including the leading '?', or empty.</param>
/// <param name="Origin">The Origin header, or null.</param>
/// <param name="SubProtocol">The subprotocol the server chose, or null.</param>
/// <param name="Since">When the session was accepted (wall clock, UTC).</param>
public sealed record SessionInfo(
    string Id,
    string? RemoteAddress,
    string Path,
    string Query,
    string? Origin,
    string? SubProtocol,
    DateTimeOffset Since)
{
    /// <summary>The request path and query, e.g. <c>/ws?room=7</c>.</summary>
    public string PathAndQuery => Path + Query;
}
