using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>
/// A one-connection TCP server on loopback that plays a WebSocket server by script: it reads the
/// request head, writes the scripted answer (null: close, or hold open), and then lets the test read
/// and write raw bytes and frames.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener;
    private readonly TaskCompletionSource<string> _request = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<NetworkStream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;
    private TcpClient? _client;

    private ScriptedServer(Func<string, string?> answer, bool holdOpen)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/path");
        _serving = ServeAsync(answer, holdOpen);
    }

    public Uri Url { get; }

    public Task<string> Request => _request.Task;

    public static ScriptedServer Start(Func<string, string?> answer, bool holdOpen = false) => new(answer, holdOpen);

    /// <summary>A 101 answer for <paramref name="key"/>, with an extra header line if given.</summary>
    public static string Accept(string key, string? extra = null) =>
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Accept: {WebSocketHandshake.AcceptFor(key)}\r\n" + (extra is null ? string.Empty : extra + "\r\n") + "\r\n";

    /// <summary>A connect request for <paramref name="url"/> without keepalive.</summary>
    public static ConnectRequest RequestFor(Uri url, string[]? subprotocols = null, Dictionary<string, string>? headers = null) =>
        new(url, headers ?? [], subprotocols ?? [], null, null);

    /// <summary>An unmasked server frame with FIN set.</summary>
    public static byte[] Frame(byte opcode, ReadOnlySpan<byte> payload)
    {
        var header = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var frame = new byte[header + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        if (header == 2)
        {
            frame[1] = (byte)payload.Length;
        }
        else if (header == 4)
        {
            frame[1] = 126;
            frame[2] = (byte)(payload.Length >> 8);
            frame[3] = (byte)payload.Length;
        }
        else
        {
            frame[1] = 127;
            for (var i = 0; i < 8; i++)
            {
                frame[9 - i] = (byte)((long)payload.Length >> (8 * i));
            }
        }

        payload.CopyTo(frame.AsSpan(header));
        return frame;
    }

    /// <summary>An unmasked text frame.</summary>
    public static byte[] TextFrame(string text) => Frame(0x1, Encoding.UTF8.GetBytes(text));

    public async Task<byte[]> ReadAsync(int count, CancellationToken cancellationToken)
    {
        var stream = await _stream.Task.WaitAsync(cancellationToken);
        var bytes = new byte[count];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    /// <summary>Reads one client frame (which must be masked) and returns its opcode and unmasked payload.</summary>
    public async Task<(byte Opcode, byte[] Payload)> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var head = await ReadAsync(2, cancellationToken);
        Assert.True((head[1] & 0x80) != 0, "a client frame must be masked");
        long length = head[1] & 0x7F;
        if (length >= 126)
        {
            var extended = await ReadAsync(length == 126 ? 2 : 8, cancellationToken);
            length = 0;
            foreach (var b in extended)
            {
                length = (length << 8) | b;
            }
        }

        var key = await ReadAsync(4, cancellationToken);
        var payload = await ReadAsync((int)length, cancellationToken);
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= key[i % 4];
        }

        return ((byte)(head[0] & 0x0F), payload);
    }

    public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var stream = await _stream.Task.WaitAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Ends the server's side of the TCP connection (FIN), without a close frame.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await _stream.Task.WaitAsync(cancellationToken);
        _client!.Client.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Reads until the client ends its side of the connection; returns the bytes read.</summary>
    public async Task<int> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var stream = await _stream.Task.WaitAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _client?.Dispose();
        await _serving.WaitAsync(Bound).ConfigureAwait(false);
    }

    private async Task ServeAsync(Func<string, string?> answer, bool holdOpen)
    {
        try
        {
            _client = await _listener.AcceptTcpClientAsync();
            var stream = _client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            {
                head.Append((char)one[0]);
            }

            var text = head.ToString();
            var key = text.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key: ", StringComparison.Ordinal))[19..];
            if (answer(key) is { } reply)
            {
                await stream.WriteAsync(Encoding.Latin1.GetBytes(reply));
                _stream.TrySetResult(stream);
            }
            else if (!holdOpen)
            {
                _client.Client.Shutdown(SocketShutdown.Both);
            }

            _request.TrySetResult(text);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            _request.TrySetException(e);
        }
    }
}
