using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks.Sources;

namespace ActorHeartbeat.Transport.Linux;

/// <summary>The send side: frames go to the socket at once; what it does not take waits in order for the loop.</summary>
internal sealed partial class LoopWebSocketConnection
{
    private const int ScratchSize = 4096;

    [ThreadStatic]
    private static byte[]? t_scratch;

    private Queue<PendingFrame>? _backlog;
    private bool _dataInBacklog;
    private ManualResetValueTaskSourceCore<bool> _send;
    private bool _sendPending;

    private enum FrameRole
    {
        Data,
        Control,
        Close,
    }

    private delegate int FrameWriter<TState>(Span<byte> frame, TState state);

    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SendFrame(
            WebSocketFrameWriter.FrameLength(Encoding.UTF8.GetByteCount(text)),
            text,
            static (frame, text) => WebSocketFrameWriter.WriteText(frame, text, MaskKeys.Next()));
    }

    public ValueTask SendBinaryAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        SendFrame(
            WebSocketFrameWriter.FrameLength(bytes.Length),
            bytes,
            static (frame, bytes) => WebSocketFrameWriter.Write(frame, WebSocketMessageType.Binary, bytes.Span, MaskKeys.Next()));

    /// <summary>Builds a data frame of at most <paramref name="length"/> bytes in this thread's scratch buffer (or a rented one when larger) and sends it.</summary>
    private ValueTask SendFrame<TState>(int length, TState state, FrameWriter<TState> write)
    {
        var rented = length > ScratchSize ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var frame = rented ?? (t_scratch ??= new byte[ScratchSize]);
            return SendData(frame.AsSpan(0, write(frame, state)));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private ValueTask SendData(ReadOnlySpan<byte> frame)
    {
        Exception? error;
        lock (_lock)
        {
            if (_sendPending)
            {
                throw new InvalidOperationException("A send is already pending on this WebSocket.");
            }

            error = _phase != Phase.Open || _ended ? _failure ?? new WebSocketException(WebSocketError.InvalidState, "The WebSocket is not open.")
                : _closeSent ? new WebSocketException(WebSocketError.InvalidState, "The WebSocket is closing: a close frame was sent.")
                : null;
            if (error is null)
            {
                if (WriteLocked(frame, FrameRole.Data))
                {
                    return default;
                }

                if (!_ended)
                {
                    _send.Reset();
                    _sendPending = true;
                    return new ValueTask(this, _send.Version);
                }

                error = _failure;
            }
        }

        return ValueTask.FromException(error!);
    }

    private void QueueControlLocked(byte opcode, ReadOnlySpan<byte> payload)
    {
        Span<byte> frame = stackalloc byte[WebSocketFrameWriter.MaxHeaderLength + 125];
        var written = WebSocketFrameWriter.WriteControl(frame, opcode, payload, MaskKeys.Next());
        WriteLocked(frame[..written], FrameRole.Control);
    }

    private void QueueCloseLocked(WebSocketCloseStatus status, string? description)
    {
        _closeSent = true;
        Span<byte> frame = stackalloc byte[WebSocketFrameWriter.MaxHeaderLength + 125];
        var written = WebSocketFrameWriter.WriteClose(frame, status, description, MaskKeys.Next());
        if (WriteLocked(frame[..written], FrameRole.Close))
        {
            _closeFlushed = true;
        }
    }

    /// <summary>
    /// Writes <paramref name="frame"/> now if nothing waits before it, and queues what the socket did not
    /// take. True when all of it went out. A socket error ends the connection (false).
    /// </summary>
    private bool WriteLocked(ReadOnlySpan<byte> frame, FrameRole role)
    {
        if (_ended || _phase == Phase.Closed)
        {
            return false;
        }

        var sent = 0;
        if (_backlog is null)
        {
            sent = TrySendLocked(frame);
            if (sent < 0)
            {
                return false;
            }

            if (sent == frame.Length)
            {
                return true;
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(frame.Length - sent);
        frame[sent..].CopyTo(buffer);
        (_backlog ??= new Queue<PendingFrame>()).Enqueue(new PendingFrame(buffer, frame.Length - sent, role));
        _dataInBacklog |= role == FrameRole.Data;
        UpdateInterest();
        return false;
    }

    /// <summary>Bytes the socket took (0 when full), or -1 after ending the connection on an error.</summary>
    private int TrySendLocked(ReadOnlySpan<byte> bytes)
    {
        var sent = _socket.Send(bytes, SocketFlags.None, out var error);
        if (error == SocketError.Success)
        {
            return sent;
        }

        if (error == SocketError.WouldBlock)
        {
            return 0;
        }

        EndLocked(new SocketException((int)error));
        return -1;
    }

    /// <summary>The socket drained (or finished connecting): write what waits, in order.</summary>
    private void OnWritable()
    {
        Completions completions;
        lock (_lock)
        {
            if (_phase == Phase.Connecting)
            {
                FinishConnectLocked();
            }

            while (!_ended && _backlog is { } backlog && backlog.TryPeek(out var head))
            {
                var sent = TrySendLocked(head.Remaining);
                if (sent < 0)
                {
                    break;
                }

                head.Offset += sent;
                if (head.Offset < head.Length)
                {
                    break;
                }

                backlog.Dequeue();
                ArrayPool<byte>.Shared.Return(head.Buffer);
                _dataInBacklog &= head.Role != FrameRole.Data;
                _closeFlushed |= head.Role == FrameRole.Close;
                if (backlog.Count == 0)
                {
                    _backlog = null;
                }
            }

            UpdateInterest();
            completions = CollectLocked();
        }

        completions.Run(this);
    }

    private void CollectSendLocked(ref Completions completions)
    {
        if (!_sendPending)
        {
            return;
        }

        if (!_dataInBacklog)
        {
            _sendPending = false;
            completions.SendCompleted = true;
        }
        else if (_ended || _phase == Phase.Closed)
        {
            _sendPending = false;
            completions.SendError = _failure ?? PeerVanished();
        }
    }

    private void ReleaseBacklogLocked()
    {
        while (_backlog?.TryDequeue(out var frame) == true)
        {
            ArrayPool<byte>.Shared.Return(frame.Buffer);
        }

        _backlog = null;
    }

    void IValueTaskSource.GetResult(short token) => _send.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _send.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _send.OnCompleted(continuation, state, token, flags);

    /// <summary>A frame, or the tail of one, that the socket has not taken yet.</summary>
    private sealed class PendingFrame(byte[] buffer, int length, FrameRole role)
    {
        public byte[] Buffer => buffer;

        public int Length => length;

        public FrameRole Role => role;

        public int Offset { get; set; }

        public ReadOnlySpan<byte> Remaining => buffer.AsSpan(Offset, length - Offset);
    }
}
