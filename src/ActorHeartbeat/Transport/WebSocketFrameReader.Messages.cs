using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Unicode;

namespace ActorHeartbeat.Transport;

/// <summary>What a complete frame means: a data message checked for UTF-8, a ping or pong, a close frame checked against RFC 6455 §5.5.1 and §7.4.</summary>
internal sealed partial class WebSocketFrameReader
{
    private FrameReadResult CompleteMessage(ReadOnlySpan<byte> payload)
    {
        var opcode = _messageOpcode;
        _messageOpcode = 0;
        _messageLength = 0;
        if (opcode != OpText)
        {
            return FrameReadResult.BinaryMessage(payload.ToArray());
        }

        if (!Utf8.IsValid(payload))
        {
            return Fail(FrameReadKind.InvalidPayload, "The server sent a text message that is not valid UTF-8 (RFC 6455 §8.1: the connection must be failed with 1007).");
        }

        return FrameReadResult.TextMessage(Encoding.UTF8.GetString(payload));
    }

    private FrameReadResult ControlFrame(ReadOnlySpan<byte> payload)
    {
        if (_opcode != OpClose)
        {
            return FrameReadResult.Control(_opcode == OpPing, payload.ToArray());
        }

        if (payload.IsEmpty)
        {
            return FrameReadResult.CloseFrame(null, null);
        }

        if (payload.Length == 1)
        {
            return Fail(FrameReadKind.ProtocolError, "The server sent a close frame with a 1-byte payload; it must be empty or start with a 2-byte status code (RFC 6455 §5.5.1).");
        }

        int code = BinaryPrimitives.ReadUInt16BigEndian(payload);
        if (!WebSocketFrameWriter.IsValidCloseStatus(code))
        {
            return Fail(FrameReadKind.ProtocolError, $"The server sent the close status code {code}, which must not appear in a close frame (RFC 6455 §7.4).");
        }

        var reason = payload[2..];
        if (!Utf8.IsValid(reason))
        {
            return Fail(FrameReadKind.InvalidPayload, "The server sent a close reason that is not valid UTF-8 (RFC 6455 §5.5.1).");
        }

        return FrameReadResult.CloseFrame((WebSocketCloseStatus)code, Encoding.UTF8.GetString(reason));
    }
}
