namespace ActorHeartbeat.Hocon;

/// <summary>
/// Any syntax, include, resolution or type error in a HOCON configuration. The message always names the
/// place (<c>file:line:column</c>) and what is wrong; <see cref="SourceName"/>, <see cref="Line"/> and
/// <see cref="Column"/> carry the same place for programs.
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>Creates an exception for a problem at <paramref name="origin"/>; the message is used as given.</summary>
    /// <param name="message">A complete, human-readable message that already names the place.</param>
    /// <param name="origin">Where the problem is.</param>
    public HoconException(string message, HoconOrigin origin)
        : this(message, origin, null)
    {
    }

    /// <summary>Creates an exception for a problem at <paramref name="origin"/> caused by <paramref name="inner"/>.</summary>
    /// <param name="message">A complete, human-readable message that already names the place.</param>
    /// <param name="origin">Where the problem is.</param>
    /// <param name="inner">The underlying exception (for example an I/O error), or null.</param>
    public HoconException(string message, HoconOrigin origin, Exception? inner)
        : base(message, inner)
    {
        SourceName = origin.SourceName;
        Line = origin.Line;
        Column = origin.Column;
    }

    /// <summary>The file or source name where the problem is.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the problem, or 0 when the problem concerns a whole file.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem, or 0 when the problem concerns a whole file.</summary>
    public int Column { get; }

    /// <summary>The place of the problem as an origin.</summary>
    public HoconOrigin Origin => new(SourceName, Line, Column);

    /// <summary>Builds an exception whose message is <c>"file:line:column: description"</c>.</summary>
    internal static HoconException At(HoconOrigin origin, string description) =>
        new($"{origin}: {description}", origin);
}
