using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace ActorHeartbeat.Transport;

/// <summary>
/// An open WebSocket (a <see cref="ClientWebSocket"/>, one made from a stream, or an accepted server
/// socket) behind <see cref="IWebSocketConnection"/>. With the TCP socket underneath at hand
/// (<paramref name="tcp"/>), it can tell whether bytes wait unread; with the tracked stream under the
/// protocol reader too (<paramref name="stream"/>), it can wait for readability before a receive.
/// </summary>
internal sealed class ClientWebSocketConnection(WebSocket socket, Socket? tcp = null, TrackedStream? stream = null) : IWebSocketConnection, IReadinessSource
{
    private const int ChunkSize = 16 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string? SubProtocol => socket.SubProtocol;

    public ValueTask<int> WaitUntilReadableAsync() =>
        tcp is { } t && stream is { Tracker: not null, MayHoldUnreadBytes: false }
            ? t.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, CancellationToken.None)
            : new ValueTask<int>(0);

    public bool HasPendingInput
    {
        get
        {
            try
            {
                return tcp is { } t && t.Available > 0;
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // A closed socket has nothing more to deliver; the pending receive reports the failure.
                return false;
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<InboundMessage> ReceiveAsync(int maxMessageSize, CancellationToken cancellationToken)
    {
        // A zero-byte read waits for data without a buffer, so an idle connection holds none.
        var first = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        if (first.MessageType == WebSocketMessageType.Close)
        {
            return InboundMessage.OfClose(socket.CloseStatus, socket.CloseStatusDescription);
        }

        if (first.EndOfMessage)
        {
            stream?.Tracker?.MessageReturned();
            return first.MessageType == WebSocketMessageType.Text ? InboundMessage.OfText(string.Empty) : InboundMessage.OfBinary([]);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return InboundMessage.OfClose(socket.CloseStatus, socket.CloseStatusDescription);
                }

                length += result.Count;
                if (length > maxMessageSize)
                {
                    stream?.Tracker?.GiveUp();
                    return InboundMessage.TooBig;
                }

                if (result.EndOfMessage)
                {
                    stream?.Tracker?.MessageReturned();
                    return result.MessageType == WebSocketMessageType.Text
                        ? InboundMessage.OfText(Decode(buffer.AsSpan(0, length)))
                        : InboundMessage.OfBinary(buffer.AsSpan(0, length).ToArray());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return socket.SendAsync(bytes.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public ValueTask SendBinaryAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);

    public Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken) =>
        socket.State is WebSocketState.Open or WebSocketState.CloseReceived
            ? socket.CloseAsync(status, description, cancellationToken)
            : Task.CompletedTask;

    public void Abort() => socket.Abort();

    public void Dispose() => socket.Dispose();

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new WebSocketException(WebSocketError.InvalidMessageType, "The peer sent a text message that is not valid UTF-8.", e);
        }
    }
}
