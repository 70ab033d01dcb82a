namespace ActorHeartbeat.Tests.Integration;

/// <summary>Sizes of RFC 6455 control frames on the wire, to recognise protocol keepalive traffic in the proxy's byte counts.</summary>
internal static class ProtocolFrames
{
    /// <summary>A client's ping as .NET sends it: 2-byte header, 4-byte mask, 8-byte payload.</summary>
    public const int MaskedPing = 2 + 4 + 8;

    /// <summary>A server's pong echoing that payload: 2-byte header, 8-byte payload.</summary>
    public const int Pong = 2 + 8;

    /// <summary>A server's ping as Python websockets sends it: 2-byte header, 4-byte payload.</summary>
    public const int PythonPing = 2 + 4;
}
