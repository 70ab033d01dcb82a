namespace ActorHeartbeat.Hosting.Internal;

/// <summary>A HOCON file (relative to the content root) or text added with the builder.</summary>
/// <param name="Path">The file, or null for text.</param>
/// <param name="Text">The text, or null for a file.</param>
/// <param name="SourceName">How the text is named in errors (files are named by their path).</param>
/// <param name="Optional">Whether a missing file is skipped.</param>
internal sealed record HoconSource(string? Path, string? Text, string SourceName, bool Optional);
