namespace ActorHeartbeat.Hocon.Model;

/// <summary>
/// A value concatenation that contains at least one substitution, kept until resolution. Whitespace between
/// the parts is kept as whitespace scalars (<see cref="HoconScalar.IsWhitespace"/>).
/// </summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(IReadOnlyList<HoconValue> pieces, HoconOrigin origin, string? appendKey = null)
        : base(origin)
    {
        Pieces = pieces;
        AppendKey = appendKey;
    }

    public IReadOnlyList<HoconValue> Pieces { get; }

    /// <summary>Set when the concatenation came from <c>key += value</c>; names the key for error messages.</summary>
    public string? AppendKey { get; }
}
