using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ActorHeartbeat.Transport;

/// <summary>
/// Masking keys for client frames (RFC 6455 §5.3: unpredictable, from a strong source), drawn from the
/// system's cryptographic generator a few hundred at a time per thread instead of one call per frame.
/// </summary>
internal static class MaskKeys
{
    private const int KeysPerDraw = 256;

    [ThreadStatic]
    private static uint[]? t_keys;

    [ThreadStatic]
    private static int t_next;

    /// <summary>The next key for a frame sent from this thread.</summary>
    public static uint Next()
    {
        var keys = t_keys;
        if (keys is null || t_next == KeysPerDraw)
        {
            keys = t_keys ??= new uint[KeysPerDraw];
            RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(keys.AsSpan()));
            t_next = 0;
        }

        return keys[t_next++];
    }
}
