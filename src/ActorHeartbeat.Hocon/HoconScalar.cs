namespace ActorHeartbeat.Hocon;

/// <summary>A string, number, boolean or null value.</summary>
public sealed class HoconScalar : HoconValue
{
    internal HoconScalar(HoconScalarKind kind, string text, HoconOrigin origin, bool isWhitespace = false)
        : base(origin)
    {
        Kind = kind;
        Text = text;
        IsWhitespace = isWhitespace;
    }

    /// <summary>The value's JSON type.</summary>
    public HoconScalarKind Kind { get; }

    /// <summary>
    /// The string value (escapes already decoded); for numbers and booleans the literal exactly as written
    /// (<c>1.50</c> stays <c>1.50</c>); <c>"null"</c> for null.
    /// </summary>
    public string Text { get; }

    /// <summary>True for the whitespace kept between the parts of a value concatenation (never in resolved trees).</summary>
    internal bool IsWhitespace { get; }

    internal static HoconScalar String(string text, HoconOrigin origin) => new(HoconScalarKind.String, text, origin);
}
