namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>How an include names its resource.</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: a URL if it looks like one, otherwise a file.</summary>
    Heuristic,

    /// <summary><c>include file("name")</c>.</summary>
    File,

    /// <summary><c>include url("name")</c> (not supported).</summary>
    Url,

    /// <summary><c>include classpath("name")</c> (not supported: there is no classpath on .NET).</summary>
    Classpath,
}

/// <summary>A parsed include statement.</summary>
internal sealed record IncludeSpec(string Name, IncludeKind Kind, bool Required, HoconOrigin Origin);
