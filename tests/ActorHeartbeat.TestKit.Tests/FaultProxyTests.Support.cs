using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorHeartbeat.TestKit.Tests;

/// <summary>Plain sockets for the fault proxy specifications: a loopback server, a client, bounded reads and writes.</summary>
public sealed partial class FaultProxyTests
{
    /// <summary>The bound on every wait that is expected to succeed.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>How long a test watches for something that must not happen.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private static async Task<Socket> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint).WaitAsync(Bound);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task SendAsync(Socket socket, byte[] bytes)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(bytes);
    }

    private static Task SendAsync(Socket socket, string text) => SendAsync(socket, Encoding.ASCII.GetBytes(text)).WaitAsync(Bound);

    /// <summary>Reads exactly <paramref name="count"/> bytes; fails when the stream ends first.</summary>
    private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
            if (read == 0)
            {
                throw new Xunit.Sdk.XunitException($"The stream ended after {filled} of {count} bytes.");
            }

            filled += read;
        }

        return buffer;
    }

    private static async Task<string> ReceiveTextAsync(Socket socket, int length) =>
        Encoding.ASCII.GetString(await ReceiveExactlyAsync(socket, length).WaitAsync(Bound));

    /// <summary>Reads until the peer ends its sending half.</summary>
    private static async Task<byte[]> ReceiveToEndAsync(Socket socket)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        return received.ToArray();
    }

    /// <summary>True when <paramref name="task"/> finishes within <paramref name="window"/>; it keeps running otherwise.</summary>
    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan window)
    {
        try
        {
            await task.WaitAsync(window);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task<SocketException> ExpectResetAsync(Socket socket)
    {
        var error = await Assert.ThrowsAsync<SocketException>(
            async () => await socket.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(Bound));
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
        return error;
    }

    /// <summary>Deterministic pseudo-random bytes (xorshift32).</summary>
    private static byte[] Pattern(int length, uint seed)
    {
        var bytes = new byte[length];
        var x = seed;
        for (var i = 0; i < bytes.Length; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            bytes[i] = (byte)x;
        }

        return bytes;
    }

    /// <summary>A TCP server on 127.0.0.1 (or ::1) whose accepted sockets the test drives by hand.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly List<Socket> _accepted = [];

        public LoopbackServer(IPAddress? address = null)
        {
            _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
            _listener.Start();
            Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        }

        public IPEndPoint Endpoint { get; }

        public async Task<Socket> AcceptAsync()
        {
            var socket = await _listener.AcceptSocketAsync().WaitAsync(Bound);
            socket.NoDelay = true;
            lock (_accepted)
            {
                _accepted.Add(socket);
            }

            return socket;
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_accepted)
            {
                _accepted.ForEach(socket => socket.Dispose());
            }
        }
    }

    /// <summary>A server, a proxy in front of it, and one client connected through both.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private Rig(LoopbackServer server, FaultProxy proxy, Socket client, Socket upstream)
        {
            Server = server;
            Proxy = proxy;
            Client = client;
            Upstream = upstream;
        }

        public LoopbackServer Server { get; }

        public FaultProxy Proxy { get; }

        /// <summary>The client's socket (connected to the proxy).</summary>
        public Socket Client { get; }

        /// <summary>The server's socket for the client's connection (connected to the proxy).</summary>
        public Socket Upstream { get; }

        public static async Task<Rig> StartAsync()
        {
            var server = new LoopbackServer();
            var proxy = FaultProxy.Start(server.Endpoint);
            var client = await ConnectAsync(proxy.Endpoint);
            var upstream = await server.AcceptAsync();
            await proxy.WaitForOpenConnectionsAsync(1).WaitAsync(Bound);
            return new Rig(server, proxy, client, upstream);
        }

        /// <summary>The socket that sends in <paramref name="direction"/> and the one that receives.</summary>
        public (Socket Sender, Socket Receiver) Ends(FaultDirection direction) =>
            direction == FaultDirection.ClientToServer ? (Client, Upstream) : (Upstream, Client);

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Proxy.DisposeAsync();
            Server.Dispose();
        }
    }
}
