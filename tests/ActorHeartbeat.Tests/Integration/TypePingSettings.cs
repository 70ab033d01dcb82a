using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>
/// The client configuration for servers of the common <c>{"type":"ping"}</c> → <c>{"type":"pong","timestamp":…}</c>
/// style, exactly as a user writes it: the answer echoes no sequence, so it answers the oldest ping.
/// </summary>
internal static class TypePingSettings
{
    public static ConnectionSettings For(Uri url) => ClientConfig.ApplicationHeartbeat(url, """"
        payload = """{"type":"ping"}"""
        pong { json-field = "type", equals = "pong" }
        """");
}
