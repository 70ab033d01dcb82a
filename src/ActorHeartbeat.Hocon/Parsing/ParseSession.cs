namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>State shared by a parse and all the files it includes: the chain of files being parsed.</summary>
internal sealed class ParseSession
{
    /// <summary>Full paths of the files currently being parsed, outermost first (for include cycle detection).</summary>
    public List<string> OpenFiles { get; } = [];

    /// <summary>Display names matching <see cref="OpenFiles"/>.</summary>
    public List<string> OpenFileNames { get; } = [];
}
