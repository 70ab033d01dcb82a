namespace ActorHeartbeat.Hocon;

/// <summary>Hard limits that turn pathological input into a <see cref="HoconException"/> instead of a crash or hang.</summary>
internal static class HoconLimits
{
    /// <summary>Objects and arrays (and path keys such as <c>a.b.c</c>) nested deeper than this are rejected.</summary>
    public const int MaxNestingDepth = 500;

    /// <summary>Includes nested deeper than this are rejected (cycles are reported before this is reached).</summary>
    public const int MaxIncludeDepth = 50;

    /// <summary>Nested resolution steps (values and substitutions resolved while resolving another one).</summary>
    public const int MaxResolveDepth = 5000;

    /// <summary>
    /// A resolved tree may not expand to more than this many units, counting one per value plus one per 16
    /// characters of text (guards against substitution bombs, whose values are shared until rendered).
    /// </summary>
    public const long MaxExpandedValues = 10_000_000;

    /// <summary>A string built by value concatenation may not be longer than this (in UTF-16 code units).</summary>
    public const int MaxConcatenatedStringLength = 4 * 1024 * 1024;

    /// <summary>An array built by array concatenation may not have more elements than this.</summary>
    public const int MaxConcatenatedArrayLength = 1_000_000;
}
