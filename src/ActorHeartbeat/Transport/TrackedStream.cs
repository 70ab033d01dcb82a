namespace ActorHeartbeat.Transport;

/// <summary>
/// The stream under a client's protocol reader: it first returns bytes already read past the end of
/// the handshake answer (a server may send its first frame in the same packet as the 101), then reads
/// from the inner stream, and shows every byte it hands out to <see cref="Tracker"/> (when there is
/// one), which is how the connection knows whether the reader may hold a frame it has not returned.
/// </summary>
internal sealed class TrackedStream(Stream inner, byte[]? prefix, FrameBoundaryTracker? tracker) : Stream
{
    private byte[]? _prefix = prefix is { Length: > 0 } ? prefix : null;
    private int _offset;

    /// <summary>What the reader has been handed, frame by frame; null when not tracked.</summary>
    public FrameBoundaryTracker? Tracker => tracker;

    /// <summary>
    /// True when the reader may have bytes to process without the socket becoming readable: unread
    /// prefix bytes, bytes past the last returned message, or no tracker to tell.
    /// </summary>
    public bool MayHoldUnreadBytes => _prefix is not null || tracker is null || tracker.HasUnreturnedBytes;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) =>
        Track(buffer, TakePrefix(buffer) is var taken and >= 0 ? taken : inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TakePrefix(buffer.Span) is var taken and >= 0)
        {
            return ValueTask.FromResult(Track(buffer.Span, taken));
        }

        var read = inner.ReadAsync(buffer, cancellationToken);
        return read.IsCompletedSuccessfully ? ValueTask.FromResult(Track(buffer.Span, read.Result)) : TrackLater(read, buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    private int Track(ReadOnlySpan<byte> buffer, int count)
    {
        tracker?.Delivered(buffer[..count]);
        return count;
    }

    private async ValueTask<int> TrackLater(ValueTask<int> read, Memory<byte> buffer)
    {
        var count = await read.ConfigureAwait(false);
        return Track(buffer.Span, count);
    }

    /// <summary>Copies prefix bytes into <paramref name="buffer"/>; -1 when the prefix is used up (or the buffer is empty: a zero-byte read waits on the inner stream).</summary>
    private int TakePrefix(Span<byte> buffer)
    {
        if (_prefix is null || buffer.IsEmpty)
        {
            return _prefix is not null && buffer.IsEmpty ? 0 : -1;
        }

        var n = Math.Min(buffer.Length, _prefix.Length - _offset);
        _prefix.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        if (_offset == _prefix.Length)
        {
            _prefix = null;
        }

        return n;
    }
}
