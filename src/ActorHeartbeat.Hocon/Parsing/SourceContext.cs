using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// Where the text being parsed comes from: its name (for errors and origins), the directory its relative
/// includes are resolved against, the path at which it is included (substitutions in an included file are
/// looked up below that path first) and the nesting depth it starts at.
/// </summary>
internal sealed record SourceContext(string SourceName, string BaseDirectory, HoconPath IncludePrefix, int StartDepth);
