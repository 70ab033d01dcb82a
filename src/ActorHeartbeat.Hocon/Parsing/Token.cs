using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// One token. <see cref="Text"/> is the decoded string for quoted strings, the literal text for everything
/// else (numbers exactly as written, whitespace as found).
/// </summary>
internal sealed class Token(TokenKind kind, string text, HoconOrigin origin)
{
    public TokenKind Kind { get; } = kind;

    public string Text { get; } = text;

    public HoconOrigin Origin { get; } = origin;

    /// <summary>For <see cref="TokenKind.Substitution"/>: the path inside <c>${...}</c>.</summary>
    public HoconPath? SubstitutionPath { get; init; }

    /// <summary>For <see cref="TokenKind.Substitution"/>: written as <c>${?...}</c>.</summary>
    public bool Optional { get; init; }

    /// <summary>Tokens that can form a key or a path expression.</summary>
    public bool IsPathPart =>
        Kind is TokenKind.Unquoted or TokenKind.Quoted or TokenKind.Number or TokenKind.True or TokenKind.False
            or TokenKind.Null or TokenKind.Whitespace;

    /// <summary>A short description for error messages: <c>'='</c>, <c>end of file</c>, <c>newline</c>.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Quoted => $"quoted string \"{Shorten(Text)}\"",
        TokenKind.Substitution => Optional ? $"substitution ${{?{SubstitutionPath}}}" : $"substitution ${{{SubstitutionPath}}}",
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
