using System.Net.WebSockets;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Server.Tests.Support;

/// <summary>
/// A connection whose client stopped reading: every write stays pending (as once the TCP window is
/// closed), and so does the close handshake behind it. Receives pass through to the inner connection.
/// </summary>
internal sealed class StallingConnection(IWebSocketConnection inner) : IWebSocketConnection
{
    private readonly TaskCompletionSource _never = new();

    public int SendsStarted { get; private set; }

    public bool Aborted { get; private set; }

    public string? SubProtocol => inner.SubProtocol;

    public ValueTask<InboundMessage> ReceiveAsync(int maxMessageSize, CancellationToken cancellationToken) => inner.ReceiveAsync(maxMessageSize, cancellationToken);

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        SendsStarted++;
        return new ValueTask(_never.Task);
    }

    public ValueTask SendBinaryAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        SendsStarted++;
        return new ValueTask(_never.Task);
    }

    public Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken) => _never.Task;

    public void Abort()
    {
        Aborted = true;
        inner.Abort();
    }

    public void Dispose() => inner.Dispose();
}
