namespace ActorHeartbeat.Transport;

/// <summary>Opens WebSockets. The real one is <see cref="ClientWebSocketTransport"/>; tests use <see cref="InMemoryTransport"/>.</summary>
public interface IWebSocketTransport
{
    /// <summary>Opens a WebSocket; cancellation aborts the attempt (the connect timeout is the caller's).</summary>
    /// <exception cref="Exception">Any failure to connect; <see cref="TransportErrors.Classify"/> names it.</exception>
    Task<IWebSocketConnection> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken);
}
