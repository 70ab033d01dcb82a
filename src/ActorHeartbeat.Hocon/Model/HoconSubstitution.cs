namespace ActorHeartbeat.Hocon.Model;

/// <summary>
/// An unresolved <c>${path}</c> or <c>${?path}</c>. Inside an included file the path is prefixed with the
/// include's location; <see cref="FallbackPath"/> then holds the path as written, looked up second.
/// </summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(HoconPath path, HoconPath? fallbackPath, bool optional, HoconOrigin origin)
        : base(origin)
    {
        Path = path;
        FallbackPath = fallbackPath;
        Optional = optional;
    }

    public HoconPath Path { get; }

    public HoconPath? FallbackPath { get; }

    public bool Optional { get; }

    /// <summary>The path as written in its file (used for environment variables and messages).</summary>
    public HoconPath WrittenPath => FallbackPath ?? Path;

    public string Expression => Optional ? $"${{?{WrittenPath}}}" : $"${{{WrittenPath}}}";
}
