using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// The WebSocket endpoints of <see cref="KestrelPeer"/>. Each accepts the upgrade and then reads every
/// message, so the runtime answers the client's protocol pings; what it answers at the application
/// level depends on the endpoint.
/// </summary>
internal static class KestrelEndpoints
{
    /// <summary>Our JSON heartbeat: <c>{"op":"ping","seq":N,...}</c> is answered with <c>{"op":"pong","seq":N}</c>.</summary>
    public const string OpPing = "/op";

    /// <summary>No application answers at all: only protocol ping/pong keeps the connection alive.</summary>
    public const string ProtocolOnly = "/protocol";

    /// <summary>The common uncorrelated style: <c>{"type":"ping"}</c> is answered with <c>{"type":"pong","timestamp":ms}</c>.</summary>
    public const string TypePing = "/type";

    private const int MaxMessage = 64 * 1024;

    public static string? AnswerOpPing(string message)
    {
        using var json = TryParseObject(message);
        if (json is null ||
            !json.RootElement.TryGetProperty("op", out var op) || !op.ValueEquals("ping") ||
            !json.RootElement.TryGetProperty("seq", out var seq))
        {
            return null;
        }

        return $$"""{"op":"pong","seq":{{seq.GetRawText()}}}""";
    }

    public static string? AnswerTypePing(string message)
    {
        using var json = TryParseObject(message);
        if (json is null || !json.RootElement.TryGetProperty("type", out var type) || !type.ValueEquals("ping"))
        {
            return null;
        }

        return $$"""{"type":"pong","timestamp":{{TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()}}}""";
    }

    /// <summary>Accepts the WebSocket and answers each text message with <paramref name="answer"/> (null: no answer) until the peer leaves.</summary>
    public static async Task ServeAsync(HttpContext context, Func<string, string?> answer, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(1024), cancellation.Token).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && buffer.WrittenCount <= MaxMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellation.Token).ConfigureAwait(false);
                    return;
                }

                if (!result.EndOfMessage)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, null, cancellation.Token).ConfigureAwait(false);
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text &&
                    answer(Encoding.UTF8.GetString(buffer.WrittenSpan)) is { } reply)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(reply), WebSocketMessageType.Text, true, cancellation.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The client went away (reset, abort) or the server is stopping: nothing left to serve.
        }
    }

    private static JsonDocument? TryParseObject(string message)
    {
        try
        {
            var json = JsonDocument.Parse(message);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                return json;
            }

            json.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
