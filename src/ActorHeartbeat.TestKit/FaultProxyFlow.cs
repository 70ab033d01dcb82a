using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ActorHeartbeat.TestKit;

/// <summary>
/// One direction of a proxied connection: a reader that takes chunks from the source socket and a
/// writer that hands them to the destination when the current mode lets it. A small bounded queue
/// between the two makes a delay apply to every chunk from the moment it was read, instead of adding
/// up chunk after chunk, and pushes back on the reader when the writer is held.
/// </summary>
internal sealed class FaultProxyFlow
{
    private const int ChunkSize = 16 * 1024;
    private const int QueuedChunks = 16;

    private readonly FaultProxy _proxy;
    private readonly FaultDirection _direction;
    private readonly Socket _source;
    private readonly Socket _destination;
    private readonly Action _broken;
    private readonly Channel<Chunk> _chunks = Channel.CreateBounded<Chunk>(
        new BoundedChannelOptions(QueuedChunks) { SingleReader = true, SingleWriter = true });

    /// <summary>A flow from <paramref name="source"/> to <paramref name="destination"/>, ruled by the mode of <paramref name="direction"/> in <paramref name="proxy"/>.</summary>
    /// <param name="proxy">The owner: current modes, clock and counters.</param>
    /// <param name="direction">Which direction's mode applies.</param>
    /// <param name="source">Read from.</param>
    /// <param name="destination">Written to.</param>
    /// <param name="broken">Called when this direction fails (socket error, reset, cancellation); it tears the whole connection down.</param>
    public FaultProxyFlow(FaultProxy proxy, FaultDirection direction, Socket source, Socket destination, Action broken)
    {
        _proxy = proxy;
        _direction = direction;
        _source = source;
        _destination = destination;
        _broken = broken;
    }

    /// <summary>Runs until the source's end has been passed on (true) or the connection broke (false).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var reading = ReadAsync(cancellationToken);
        var writing = WriteAsync(cancellationToken);
        var results = await Task.WhenAll(reading, writing).ConfigureAwait(false);
        return results[0] && results[1];
    }

    private async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var state = _proxy.State;
                if (state.For(_direction).Mode == FaultProxyMode.Freeze)
                {
                    // A stopped process never reads: the bytes stay in the kernel, whose buffers fill
                    // (still acknowledged) until the sender's window closes.
                    await state.Superseded.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                int count;
                try
                {
                    count = await _source.ReceiveAsync(buffer.AsMemory(0, ChunkSize), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }

                var readAt = _proxy.Time.GetTimestamp();
                if (count == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    await _chunks.Writer.WriteAsync(new Chunk(null, 0, readAt), cancellationToken).ConfigureAwait(false);
                    _chunks.Writer.Complete();
                    return true;
                }

                await _chunks.Writer.WriteAsync(new Chunk(buffer, count, readAt), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            _chunks.Writer.TryComplete();
            _broken();
            return false;
        }
    }

    private async Task<bool> WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_chunks.Reader.TryRead(out var chunk))
                {
                    var deliver = await AwaitTurnAsync(chunk.ReadAt, cancellationToken).ConfigureAwait(false);
                    if (chunk.Buffer is null)
                    {
                        // The end of the stream is not data: even a blackhole passes it on, so a peer
                        // that closes is still seen closing.
                        _destination.Shutdown(SocketShutdown.Send);
                        return true;
                    }

                    try
                    {
                        if (deliver)
                        {
                            // Counted first, so a receiver that has the bytes always finds them counted.
                            _proxy.CountForwarded(_direction, chunk.Count);
                            await SendAllAsync(chunk.Buffer.AsMemory(0, chunk.Count), cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            _proxy.CountDropped(_direction, chunk.Count);
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(chunk.Buffer);
                    }
                }
            }

            // The reader failed; it has already broken the connection.
            return false;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            _broken();
            return false;
        }
    }

    /// <summary>Waits until the current mode releases a chunk read at <paramref name="readAt"/>: true to deliver it, false to drop it.</summary>
    private async Task<bool> AwaitTurnAsync(long readAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = _proxy.State;
            var rule = state.For(_direction);
            switch (rule.Mode)
            {
                case FaultProxyMode.Pass:
                    return true;
                case FaultProxyMode.Blackhole:
                    return false;
                case FaultProxyMode.Freeze:
                    await state.Superseded.WaitAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    var remaining = rule.Delay - _proxy.Time.GetElapsedTime(readAt);
                    if (remaining <= TimeSpan.Zero)
                    {
                        return true;
                    }

                    await DelayAsync(remaining, state.Superseded, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Waits for <paramref name="delay"/>, or less when the mode changes meanwhile (the caller then looks again).</summary>
    private async Task DelayAsync(TimeSpan delay, Task superseded, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(delay, _proxy.Time, timer.Token);
        await Task.WhenAny(elapsed, superseded).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task SendAllAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await _destination.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is SocketException or IOException or ObjectDisposedException or OperationCanceledException or ChannelClosedException;

    /// <summary>Bytes read at <see cref="ReadAt"/> (a <see cref="TimeProvider"/> timestamp); a null buffer marks the end of the stream.</summary>
    private readonly record struct Chunk(byte[]? Buffer, int Count, long ReadAt);
}
