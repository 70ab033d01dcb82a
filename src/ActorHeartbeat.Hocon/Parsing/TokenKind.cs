namespace ActorHeartbeat.Hocon.Parsing;

internal enum TokenKind
{
    EndOfFile,
    Newline,
    Whitespace,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Unquoted,
    Quoted,
    Number,
    True,
    False,
    Null,
    Substitution,
}
