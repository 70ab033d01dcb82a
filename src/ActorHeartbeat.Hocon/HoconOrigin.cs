namespace ActorHeartbeat.Hocon;

/// <summary>
/// Where a value was written: the source (file path as given, <c>"&lt;string&gt;"</c>, or a description such as
/// <c>"environment variable HOME"</c>), the 1-based line and the 1-based column of its first character.
/// Line and column are 0 when the value does not come from text (environment variables, whole-file errors).
/// </summary>
/// <param name="SourceName">The file or source name the value was read from.</param>
/// <param name="Line">1-based line number, or 0 when not applicable.</param>
/// <param name="Column">1-based column (in UTF-16 code units), or 0 when not applicable.</param>
public readonly record struct HoconOrigin(string SourceName, int Line, int Column)
{
    /// <summary>Renders the origin as <c>file:line:column</c> (or just the source name when there is no line).</summary>
    public override string ToString() => Line > 0 ? $"{SourceName}:{Line}:{Column}" : SourceName;
}
