namespace ActorHeartbeat.Transport;

/// <summary>
/// A stream that first returns bytes already read past the end of the handshake answer (a server may
/// send its first frame in the same packet as the 101), then reads from the inner stream. Only used
/// when there are such bytes.
/// </summary>
internal sealed class PrefixedStream(Stream inner, byte[] prefix) : Stream
{
    private byte[]? _prefix = prefix;
    private int _offset;

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
        TakePrefix(buffer) is var taken and >= 0 ? taken : inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        TakePrefix(buffer.Span) is var taken and >= 0 ? ValueTask.FromResult(taken) : inner.ReadAsync(buffer, cancellationToken);

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
