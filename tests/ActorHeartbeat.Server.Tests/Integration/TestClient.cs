using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ActorHeartbeat.Server.Tests.Integration;

/// <summary>
/// A real <see cref="ClientWebSocket"/> on loopback with a receive loop on its own task: it counts and
/// keeps text messages, answers the server's <c>{"op":"ping","seq":N}</c> with <c>{"op":"pong","seq":N}</c>
/// when asked to, and records the server's close. A client created with <c>read: false</c> never reads.
/// </summary>
internal sealed class TestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly bool _answerPings;
    private readonly object _gate = new();
    private readonly List<string> _texts = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task _loop = Task.CompletedTask;
    private int _applicationMessages;

    private TestClient(ClientWebSocket socket, bool answerPings)
    {
        _socket = socket;
        _answerPings = answerPings;
    }

    /// <summary>Application messages received (server pings not counted).</summary>
    public int ApplicationMessages => Volatile.Read(ref _applicationMessages);

    /// <summary>Completes when the server's close frame arrived or the connection broke.</summary>
    public Task Closed => _closed.Task;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_gate)
            {
                return [.. _texts];
            }
        }
    }

    public static async Task<TestClient> ConnectAsync(Uri uri, bool answerPings = true, bool read = true, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(uri, bound.Token);
        var client = new TestClient(socket, answerPings);
        if (read)
        {
            client._loop = Task.Run(client.ReceiveLoopAsync);
        }

        return client;
    }

    /// <summary>Tries a handshake that the server is expected to refuse; returns its HTTP status.</summary>
    public static async Task<int> RefusedStatusAsync(Uri uri, string? origin = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, bound.Token));
        return (int)socket.HttpStatusCode;
    }

    public async Task SendAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task SendBytesAsync(int count)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(new byte[count], WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Completes once <paramref name="count"/> application messages have arrived.</summary>
    public async Task WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (ApplicationMessages < count)
        {
            var left = timeout - TimeProvider.System.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{ApplicationMessages} of {count} messages within {timeout.TotalMilliseconds:0} ms.");
            }

            // Woken by each arrival (the receive loop releases once per message) or by the close.
            if (await Task.WhenAny(_arrivals.WaitAsync(left), Closed) == Closed && ApplicationMessages < count)
            {
                throw new InvalidOperationException($"The connection closed ({CloseStatus}) after {ApplicationMessages} of {count} messages.");
            }
        }
    }

    /// <summary>Closes from the client side (bounded) and ends the receive loop.</summary>
    public async Task CloseAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", bound.Token);
            }

            await _loop.WaitAsync(bound.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
        {
        }

        _socket.Dispose();
        _sendLock.Dispose();
        _arrivals.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    var text = Encoding.UTF8.GetString(buffer, 0, length);
                    if (_answerPings && IsServerPing(text, out var seq))
                    {
                        await SendAsync($$"""{"op":"pong","seq":{{seq}}}""");
                        continue;
                    }

                    if (length <= 4096)
                    {
                        lock (_gate)
                        {
                            _texts.Add(text);
                        }
                    }
                }

                Interlocked.Increment(ref _applicationMessages);
                _arrivals.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    private static bool IsServerPing(string text, out long seq)
    {
        seq = 0;
        if (!text.StartsWith("{\"op\":\"ping\"", StringComparison.Ordinal))
        {
            return false;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("seq", out var value) && value.TryGetInt64(out seq);
    }
}
