namespace ActorHeartbeat.Hocon;

/// <summary>Options for <see cref="HoconParser"/>.</summary>
public sealed class HoconParseOptions
{
    /// <summary>
    /// Directory against which relative <c>include</c>s of <see cref="HoconParser.Parse"/> are resolved.
    /// Null means the current directory. Ignored by <see cref="HoconParser.ParseFile"/>, whose includes are
    /// relative to the including file.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Looks up an environment variable for a substitution (<c>${HOME}</c>) that names no path in the
    /// configuration. Null (the default) means <see cref="System.Environment.GetEnvironmentVariable(string)"/>.
    /// </summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>
    /// True (the default): resolve substitutions after parsing. False: keep them unresolved, typically to
    /// combine configurations with <see cref="Config.WithFallback"/> and then call <see cref="Config.Resolve"/>.
    /// </summary>
    public bool Resolve { get; init; } = true;
}
