using System.Globalization;
using System.Text;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// Splits HOCON text into tokens, one at a time. Comments are dropped (the newline that ends them is kept);
/// runs of non-newline whitespace become <see cref="TokenKind.Whitespace"/> tokens because whitespace between
/// simple values is part of a value concatenation.
/// </summary>
internal sealed class Tokenizer
{
    private readonly string _text;
    private readonly string _sourceName;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    public Tokenizer(string text, string sourceName)
    {
        _text = text;
        _sourceName = sourceName;
    }

    public Token Next()
    {
        while (true)
        {
            var origin = Here();
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.EndOfFile, string.Empty, origin);
            }

            var c = _text[_pos];
            if (c == '\n')
            {
                Advance();
                return new Token(TokenKind.Newline, "\n", origin);
            }

            if (CharClass.IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && _text[_pos] != '\n' && CharClass.IsWhitespace(_text[_pos]))
                {
                    Advance();
                }

                return new Token(TokenKind.Whitespace, _text[start.._pos], origin);
            }

            if (c == '#' || (c == '/' && PeekChar(1) == '/'))
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    Advance();
                }

                continue;
            }

            return c switch
            {
                '"' => ReadQuoted(origin),
                '$' => ReadSubstitution(origin),
                '{' => Single(TokenKind.OpenBrace, origin),
                '}' => Single(TokenKind.CloseBrace, origin),
                '[' => Single(TokenKind.OpenBracket, origin),
                ']' => Single(TokenKind.CloseBracket, origin),
                ',' => Single(TokenKind.Comma, origin),
                ':' => Single(TokenKind.Colon, origin),
                '=' => Single(TokenKind.Equals, origin),
                '+' => ReadPlusEquals(origin),
                _ when CharClass.StartsNumber(c) => ReadNumber(origin),
                _ when CharClass.IsReserved(c) => throw HoconException.At(
                    origin,
                    $"the character '{c}' is reserved and not allowed outside quotes (put the value in double quotes)"),
                _ => ReadUnquoted(origin),
            };
        }
    }

    private HoconOrigin Here() => new(_sourceName, _line, _column);

    private char PeekChar(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _pos++;
    }

    private Token Single(TokenKind kind, HoconOrigin origin)
    {
        var text = _text[_pos].ToString();
        Advance();
        return new Token(kind, text, origin);
    }

    private Token ReadPlusEquals(HoconOrigin origin)
    {
        if (PeekChar(1) != '=')
        {
            throw HoconException.At(origin, "'+' is only allowed as part of '+=' outside quotes (put the value in double quotes)");
        }

        Advance();
        Advance();
        return new Token(TokenKind.PlusEquals, "+=", origin);
    }

    private Token ReadUnquoted(HoconOrigin origin)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (CharClass.EndsUnquoted(c) || (c == '/' && PeekChar(1) == '/'))
            {
                break;
            }

            Advance();

            // true, false and null are recognised at the start of unquoted text whatever follows them
            var length = _pos - start;
            if (length == 4 && string.CompareOrdinal(_text, start, "true", 0, 4) == 0)
            {
                return new Token(TokenKind.True, "true", origin);
            }

            if (length == 4 && string.CompareOrdinal(_text, start, "null", 0, 4) == 0)
            {
                return new Token(TokenKind.Null, "null", origin);
            }

            if (length == 5 && string.CompareOrdinal(_text, start, "false", 0, 5) == 0)
            {
                return new Token(TokenKind.False, "false", origin);
            }
        }

        return new Token(TokenKind.Unquoted, _text[start.._pos], origin);
    }

    private Token ReadNumber(HoconOrigin origin)
    {
        var start = _pos;
        while (_pos < _text.Length && CharClass.IsNumberChar(_text[_pos]))
        {
            Advance();
        }

        var text = _text[start.._pos];
        if (NumberSyntax.IsNumber(text))
        {
            return new Token(TokenKind.Number, text, origin);
        }

        if (text.Contains('+'))
        {
            throw HoconException.At(origin, $"'{text}' is not a number, and '+' is not allowed outside quotes (put the value in double quotes)");
        }

        return new Token(TokenKind.Unquoted, text, origin);
    }

    private Token ReadQuoted(HoconOrigin origin)
    {
        if (PeekChar(1) == '"' && PeekChar(2) == '"')
        {
            return ReadTripleQuoted(origin);
        }

        Advance();
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new HoconException($"unterminated string starting at {origin}: the file ended before the closing '\"'", origin);
            }

            var c = _text[_pos];
            if (c == '"')
            {
                Advance();
                return new Token(TokenKind.Quoted, sb.ToString(), origin);
            }

            if (c == '\n')
            {
                throw new HoconException(
                    $"unterminated string starting at {origin}: the line ended before the closing '\"' (use \\n for a newline, or a \"\"\"triple-quoted\"\"\" string)",
                    origin);
            }

            if (c == '\\')
            {
                ReadEscape(sb);
                continue;
            }

            if (c < ' ')
            {
                throw HoconException.At(
                    Here(),
                    $"control character U+{(int)c:X4} is not allowed inside a quoted string; write it as an escape such as \\t or \\u{(int)c:X4}");
            }

            sb.Append(c);
            Advance();
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        var at = Here();
        Advance();
        if (_pos >= _text.Length)
        {
            throw HoconException.At(at, "the file ended in the middle of an escape sequence");
        }

        var c = _text[_pos];
        Advance();
        switch (c)
        {
            case '"': sb.Append('"'); return;
            case '\\': sb.Append('\\'); return;
            case '/': sb.Append('/'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case 'u':
                if (_pos + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    for (var i = 0; i < 4; i++)
                    {
                        Advance();
                    }

                    sb.Append((char)code);
                    return;
                }

                throw HoconException.At(at, "\\u must be followed by exactly four hexadecimal digits");
            default:
                throw HoconException.At(
                    at,
                    $"'\\{c}' is not a valid escape in a quoted string (quoted strings use JSON escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write \\\\ for a backslash)");
        }
    }

    private Token ReadTripleQuoted(HoconOrigin origin)
    {
        Advance();
        Advance();
        Advance();
        var start = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new HoconException($"unterminated triple-quoted string starting at {origin}: the file ended before the closing '\"\"\"'", origin);
            }

            if (_text[_pos] == '"' && PeekChar(1) == '"' && PeekChar(2) == '"')
            {
                // any run of three or more quotes ends the string; quotes beyond the last three belong to it
                var runEnd = _pos;
                while (runEnd < _text.Length && _text[runEnd] == '"')
                {
                    runEnd++;
                }

                var value = _text[start..(runEnd - 3)];
                while (_pos < runEnd)
                {
                    Advance();
                }

                return new Token(TokenKind.Quoted, value, origin);
            }

            Advance();
        }
    }

    private Token ReadSubstitution(HoconOrigin origin)
    {
        if (PeekChar(1) != '{')
        {
            throw HoconException.At(origin, "'$' must start a substitution such as ${a.b}; put the value in double quotes to use a literal '$'");
        }

        Advance();
        Advance();
        var optional = false;
        if (PeekChar(0) == '?')
        {
            optional = true;
            Advance();
        }

        var parts = new List<Token>();
        while (true)
        {
            if (PeekChar(0) == '$')
            {
                throw HoconException.At(Here(), "substitutions cannot be nested inside a substitution ${...}");
            }

            var token = Next();
            if (token.Kind == TokenKind.CloseBrace)
            {
                break;
            }

            if (token.Kind is TokenKind.EndOfFile or TokenKind.Newline)
            {
                throw HoconException.At(origin, "unterminated substitution: '${' without a closing '}' on the same line");
            }

            if (!token.IsPathPart)
            {
                throw HoconException.At(token.Origin, $"{token.Describe()} is not allowed inside a substitution ${{...}}; only a path such as a.b.\"c\" is");
            }

            parts.Add(token);
        }

        var path = PathBuilder.FromTokens(parts, origin, "substitution");
        return new Token(TokenKind.Substitution, optional ? "${?" : "${", origin) { SubstitutionPath = path, Optional = optional };
    }
}
