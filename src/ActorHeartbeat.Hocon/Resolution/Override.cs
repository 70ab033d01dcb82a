using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Resolution;

/// <summary>
/// One link of the resolution context: while a field at <see cref="Path"/> is being resolved, lookups of that
/// path see <see cref="Replacement"/> (the definitions below the one being resolved, for self-references) or,
/// when it is null, a marker that means "still being resolved" (a cycle, or a self-reference with nothing
/// below it). Links form an immutable chain, innermost first; <see cref="Depth"/> counts links from the outermost.
/// </summary>
internal sealed class Override
{
    public Override(HoconPath path, HoconValue? replacement, Override? next, int traceStart)
    {
        Path = path;
        Replacement = replacement;
        Next = next;
        TraceStart = traceStart;
        Depth = next is null ? 0 : next.Depth + 1;
    }

    public HoconPath Path { get; }

    public HoconValue? Replacement { get; }

    public Override? Next { get; }

    public int Depth { get; }

    /// <summary>How many substitutions were being resolved when this link was made (for cycle messages).</summary>
    public int TraceStart { get; }

    public bool IsMarker => Replacement is null;

    /// <summary>
    /// The link in force for <paramref name="path"/>: the innermost link whose path is <paramref name="path"/>
    /// or one of its ancestors decides. Only a link for exactly this path applies; when an ancestor was
    /// replaced more recently, the value being looked at comes from that replacement and older links for the
    /// path itself no longer apply.
    /// </summary>
    public Override? Find(HoconPath path)
    {
        for (var link = this; link is not null; link = link.Next)
        {
            if (link.Path.IsPrefixOf(path))
            {
                return link.Path.Length == path.Length ? link : null;
            }
        }

        return null;
    }
}
