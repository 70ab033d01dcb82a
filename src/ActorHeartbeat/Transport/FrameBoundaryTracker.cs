namespace ActorHeartbeat.Transport;

/// <summary>
/// Follows the frames (RFC 6455 §5.2) in the bytes a WebSocket client has handed to its protocol
/// reader, so that it can tell whether any of them lie past the last data message the reader has
/// returned: bytes the reader holds in its own buffer, which no socket readiness would announce.
/// Pure: it is fed bytes and told of returned messages, and answers <see cref="HasUnreturnedBytes"/>.
/// Once it cannot follow the stream (a header it does not understand, a message it did not see end) it
/// says so forever, which only costs the caller its shortcut.
/// </summary>
internal sealed class FrameBoundaryTracker
{
    private Stage _stage;
    private byte _first;
    private bool _masked;
    private int _needed;
    private ulong _value;
    private ulong _payloadLeft;
    private long _delivered;
    private long _returnedTo;
    private long _nextEnd = -1;
    private Queue<long>? _laterEnds;
    private bool _lost;

    private enum Stage
    {
        First,
        Second,
        ExtendedLength,
        MaskKey,
        Payload,
    }

    /// <summary>
    /// True when bytes were handed over past the end of the last returned data message (or the tracker
    /// lost the thread): the reader may hold a frame, so the next read must not wait for the socket.
    /// </summary>
    public bool HasUnreturnedBytes => _lost || _delivered > _returnedTo;

    /// <summary>True once the tracker could not follow the stream.</summary>
    public bool IsLost => _lost;

    /// <summary>Takes in bytes the reader has just received from the stream, in order.</summary>
    public void Delivered(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length && !_lost)
        {
            switch (_stage)
            {
                case Stage.First:
                    _first = bytes[i++];
                    _stage = Stage.Second;
                    break;
                case Stage.Second:
                    var second = bytes[i++];
                    _masked = (second & 0x80) != 0;
                    var length = second & 0x7F;
                    if (length >= 126)
                    {
                        _needed = length == 126 ? 2 : 8;
                        _value = 0;
                        _stage = Stage.ExtendedLength;
                    }
                    else
                    {
                        StartPayload((ulong)length, _delivered + i);
                    }

                    break;
                case Stage.ExtendedLength:
                    _value = (_value << 8) | bytes[i++];
                    if (--_needed == 0)
                    {
                        if (_value > long.MaxValue)
                        {
                            _lost = true;
                            break;
                        }

                        StartPayload(_value, _delivered + i);
                    }

                    break;
                case Stage.MaskKey:
                    var skip = Math.Min(_needed, bytes.Length - i);
                    i += skip;
                    _needed -= skip;
                    if (_needed == 0)
                    {
                        BeginPayloadOrEnd(_delivered + i);
                    }

                    break;
                case Stage.Payload:
                    var take = (int)Math.Min(_payloadLeft, (ulong)(bytes.Length - i));
                    i += take;
                    _payloadLeft -= (ulong)take;
                    if (_payloadLeft == 0)
                    {
                        EndFrame(_delivered + i);
                    }

                    break;
            }
        }

        _delivered += bytes.Length;
    }

    /// <summary>The reader returned the next complete data message (the oldest one not yet returned).</summary>
    public void MessageReturned()
    {
        if (_nextEnd < 0)
        {
            // A message ended that the tracker never saw end: it cannot vouch for anything any more.
            _lost = true;
            return;
        }

        _returnedTo = _nextEnd;
        _nextEnd = _laterEnds is { Count: > 0 } later ? later.Dequeue() : -1;
    }

    /// <summary>The caller stops following this stream (a message was abandoned half-read).</summary>
    public void GiveUp() => _lost = true;

    private void StartPayload(ulong length, long offset)
    {
        _payloadLeft = length;
        if (_masked)
        {
            _needed = 4;
            _stage = Stage.MaskKey;
        }
        else
        {
            BeginPayloadOrEnd(offset);
        }
    }

    private void BeginPayloadOrEnd(long offset)
    {
        if (_payloadLeft == 0)
        {
            EndFrame(offset);
        }
        else
        {
            _stage = Stage.Payload;
        }
    }

    private void EndFrame(long offset)
    {
        _stage = Stage.First;
        var opcode = _first & 0x0F;
        var fin = (_first & 0x80) != 0;
        if (opcode is > 2 and < 8 or > 10)
        {
            // Reserved opcodes: the reader fails the connection; nothing to vouch for.
            _lost = true;
            return;
        }

        if (fin && opcode <= 2)
        {
            if (_nextEnd < 0)
            {
                _nextEnd = offset;
            }
            else
            {
                (_laterEnds ??= new Queue<long>()).Enqueue(offset);
            }
        }
    }
}
