using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Tests.Support;

/// <summary>
/// A Kestrel WebSocket endpoint on 127.0.0.1 (free port) at <c>/ws</c>: records the texts each client
/// sends and the close frame it ends with, and answers the close handshake.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Session> _sessions = new();
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _closeWaiters = [];
    private int _closes;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<Session> Sessions => _sessions;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Map("/ws", a => a.Run(server.Serve));
        await app.StartAsync().WaitAsync(Bound);
        var address = Assert.Single(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses);
        server.Url = new Uri($"ws://127.0.0.1:{new Uri(address).Port}/ws");
        return server;
    }

    /// <summary>Completes once <paramref name="count"/> clients have sent their close frame.</summary>
    public Task WaitForClosesAsync(int count)
    {
        lock (_gate)
        {
            if (_closes >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _closeWaiters.Add((count, done));
            return done.Task.WaitAsync(Bound);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(Bound);
        await _app.StopAsync(bound.Token);
        await _app.DisposeAsync();
    }

    private async Task Serve(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var session = new Session(context.Request.Headers.Authorization.ToString());
        _sessions.Enqueue(session);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(1024), context.RequestAborted);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    session.CloseStatus = socket.CloseStatus;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                    OnClosed();
                    return;
                }

                session.Texts.Enqueue(Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The client aborted: no close frame is recorded.
        }
    }

    private void OnClosed()
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            _closes++;
            done.AddRange(_closeWaiters.Where(w => w.Count <= _closes).Select(w => w.Done));
            _closeWaiters.RemoveAll(w => w.Count <= _closes);
        }

        done.ForEach(d => d.TrySetResult());
    }

    /// <summary>One accepted client.</summary>
    public sealed class Session(string authorization)
    {
        public string Authorization { get; } = authorization;

        public ConcurrentQueue<string> Texts { get; } = new();

        public WebSocketCloseStatus? CloseStatus { get; set; }
    }
}
