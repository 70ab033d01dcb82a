using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// Recursive-descent HOCON parser producing an unresolved tree: duplicate keys are merged as they are read,
/// value concatenations without substitutions are joined at once, and anything that needs substitutions is
/// left as <see cref="HoconSubstitution"/>, <see cref="HoconConcatenation"/> or <see cref="HoconMergeStack"/>.
/// Nesting is limited to <see cref="HoconLimits.MaxNestingDepth"/> levels.
/// </summary>
internal sealed partial class Parser
{
    private readonly Tokenizer _tokens;
    private readonly SourceContext _source;
    private readonly ParseSession _session;
    private Token? _peeked;
    private int _depth;

    private Parser(string text, SourceContext source, ParseSession session)
    {
        _tokens = new Tokenizer(text, source.SourceName);
        _source = source;
        _session = session;
        _depth = source.StartDepth;
    }

    /// <summary>Parses a whole document; its root must be an object (braces optional).</summary>
    public static HoconObject ParseDocument(string text, SourceContext source, ParseSession session) =>
        new Parser(text, source, session).ParseRoot();

    private Token Peek() => _peeked ??= _tokens.Next();

    private Token Take()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == TokenKind.Whitespace)
        {
            Take();
        }
    }

    private void SkipBlank()
    {
        while (Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Take();
        }
    }

    /// <summary>
    /// Takes the separator after a field or an array element — a comma, or newlines optionally followed by
    /// one comma — and the blank space after it; returns the last separator token taken, or null when
    /// none follows.
    /// </summary>
    private Token? TakeSeparator()
    {
        var token = Peek();
        if (token.Kind == TokenKind.Comma)
        {
            Take();
            SkipBlank();
            return token;
        }

        if (token.Kind != TokenKind.Newline)
        {
            return null;
        }

        SkipBlank();
        if (Peek().Kind == TokenKind.Comma)
        {
            token = Take();
            SkipBlank();
        }

        return token;
    }

    private HoconObject ParseRoot()
    {
        SkipBlank();
        var first = Peek();
        if (first.Kind == TokenKind.OpenBracket)
        {
            throw HoconException.At(first.Origin, "the root of a configuration must be an object, not an array");
        }

        if (first.Kind == TokenKind.OpenBrace)
        {
            var root = ParseBracedObject(_source.IncludePrefix);
            SkipBlank();
            var extra = Peek();
            if (extra.Kind != TokenKind.EndOfFile)
            {
                throw HoconException.At(extra.Origin, $"unexpected {extra.Describe()} after the '}}' that closes the root object");
            }

            return root;
        }

        var unbraced = new HoconObject(new HoconOrigin(_source.SourceName, 1, 1));
        ParseFields(unbraced, _source.IncludePrefix, open: null);
        return unbraced;
    }

    /// <param name="target">The object receiving the fields.</param>
    /// <param name="objectPath">Absolute path of <paramref name="target"/>, or null inside an array.</param>
    /// <param name="open">The '{' token, or null for an unbraced root.</param>
    private void ParseFields(HoconObject target, HoconPath? objectPath, Token? open)
    {
        while (true)
        {
            SkipBlank();
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.EndOfFile when open is null:
                    return;
                case TokenKind.EndOfFile:
                    throw HoconException.At(open.Origin, "unterminated object: this '{' is never closed (the file ended first)");
                case TokenKind.CloseBrace when open is not null:
                    Take();
                    return;
                case TokenKind.CloseBrace:
                    throw HoconException.At(token.Origin, "unbalanced '}': there is no '{' for it to close (put the value in double quotes if '}' is meant as text)");
                case TokenKind.Comma:
                    throw HoconException.At(token.Origin, "unexpected ',': expected a key (two commas in a row, or a comma before the first field)");
            }

            var key = ParseFieldOrInclude(target, objectPath);
            SkipWhitespace();
            if (TakeSeparator() is null)
            {
                token = Peek();
                if (token.Kind is not (TokenKind.CloseBrace or TokenKind.EndOfFile))
                {
                    throw HoconException.At(
                        token.Origin,
                        $"expected ',' or a newline after {key}, found {token.Describe()} (put the value in double quotes if it is meant as text)");
                }
            }
        }
    }

    /// <summary>Parses one field or include statement into <paramref name="target"/>; returns a description for errors.</summary>
    private string ParseFieldOrInclude(HoconObject target, HoconPath? objectPath)
    {
        var first = Peek();
        if (first.Kind == TokenKind.Unquoted && first.Text == "include")
        {
            Take();
            ParseInclude(target, objectPath, first);
            return "the include statement";
        }

        var keyTokens = new List<Token>();
        while (Peek().IsPathPart)
        {
            keyTokens.Add(Take());
        }

        if (keyTokens.Count == 0)
        {
            var what = first.Kind == TokenKind.Substitution
                ? "substitutions are not allowed in keys"
                : $"expected a key, found {first.Describe()}";
            throw HoconException.At(first.Origin, what);
        }

        var path = PathBuilder.FromTokens(keyTokens, first.Origin, "key");
        var fieldPath = objectPath?.Concat(path);
        SkipBlank();
        var separator = Peek();
        var savedDepth = _depth;
        _depth += path.Length - 1;
        CheckDepth(first.Origin);
        HoconValue value;
        switch (separator.Kind)
        {
            case TokenKind.Equals or TokenKind.Colon:
                Take();
                SkipBlank();
                value = ParseValue(fieldPath, separator);
                break;
            case TokenKind.PlusEquals:
                Take();
                SkipBlank();
                value = ParseAppend(fieldPath, separator);
                break;
            case TokenKind.OpenBrace:
                value = ParseBracedObject(fieldPath);
                break;
            default:
                throw HoconException.At(separator.Origin, $"expected '=', ':' or '{{' after the key '{path}', found {separator.Describe()}");
        }

        _depth = savedDepth;
        AddField(target, path, value, first.Origin);
        return $"the value of '{path}'";
    }

    private HoconValue ParseAppend(HoconPath? fieldPath, Token separator)
    {
        if (fieldPath is null)
        {
            throw HoconException.At(
                separator.Origin,
                "'+=' cannot be used inside an array (it appends to a field found by path, and array elements have no path); define the field outside the array");
        }

        var element = ParseValue(fieldPath, separator);
        var previous = new HoconSubstitution(fieldPath, null, optional: true, separator.Origin);
        var appended = new HoconArray([element], element.Origin);
        return new HoconConcatenation([previous, appended], separator.Origin, fieldPath.ToString());
    }

    private static void AddField(HoconObject target, HoconPath path, HoconValue value, HoconOrigin keyOrigin)
    {
        var nested = value;
        for (var i = path.Length - 1; i >= 1; i--)
        {
            var wrapper = new HoconObject(keyOrigin);
            wrapper.Set(path[i], nested);
            nested = wrapper;
        }

        ValueMerger.MergeField(target, path[0], nested, inPlace: true);
    }

    /// <summary>Parses a value concatenation: simple values, substitutions, objects and arrays on one line.</summary>
    /// <param name="fieldPath">Absolute path of the field being defined, or null for array elements.</param>
    /// <param name="after">The token before the value, for error messages.</param>
    private HoconValue ParseValue(HoconPath? fieldPath, Token after)
    {
        var pieces = new List<HoconValue>();
        var hasSubstitution = false;
        while (true)
        {
            var token = Peek();
            HoconValue piece;
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    Take();
                    if (pieces.Count > 0)
                    {
                        pieces.Add(new HoconScalar(HoconScalarKind.String, token.Text, token.Origin, isWhitespace: true));
                    }

                    continue;
                case TokenKind.Unquoted or TokenKind.Quoted:
                    piece = HoconScalar.String(token.Text, token.Origin);
                    break;
                case TokenKind.Number:
                    piece = new HoconScalar(HoconScalarKind.Number, token.Text, token.Origin);
                    break;
                case TokenKind.True or TokenKind.False:
                    piece = new HoconScalar(HoconScalarKind.Boolean, token.Text, token.Origin);
                    break;
                case TokenKind.Null:
                    piece = new HoconScalar(HoconScalarKind.Null, "null", token.Origin);
                    break;
                case TokenKind.Substitution:
                    piece = MakeSubstitution(token);
                    hasSubstitution = true;
                    break;
                case TokenKind.OpenBrace:
                    pieces.Add(ParseBracedObject(fieldPath));
                    continue;
                case TokenKind.OpenBracket:
                    pieces.Add(ParseArray());
                    continue;
                default:
                    goto done;
            }

            Take();
            pieces.Add(piece);
        }

    done:
        while (pieces.Count > 0 && pieces[^1] is HoconScalar { IsWhitespace: true })
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        if (pieces.Count == 0)
        {
            var found = Peek();
            throw HoconException.At(found.Origin, $"expected a value after {after.Describe()}, found {found.Describe()}");
        }

        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        return hasSubstitution
            ? new HoconConcatenation(pieces, pieces[0].Origin)
            : ConcatJoiner.Join(pieces, pieces[0].Origin, appendKey: null)!;
    }

    private HoconSubstitution MakeSubstitution(Token token)
    {
        var written = token.SubstitutionPath!;
        return _source.IncludePrefix.IsRoot
            ? new HoconSubstitution(written, null, token.Optional, token.Origin)
            : new HoconSubstitution(_source.IncludePrefix.Concat(written), written, token.Optional, token.Origin);
    }

    private HoconObject ParseBracedObject(HoconPath? objectPath)
    {
        var open = Take();
        _depth++;
        CheckDepth(open.Origin);
        var result = new HoconObject(open.Origin);
        ParseFields(result, objectPath, open);
        _depth--;
        return result;
    }

    private HoconArray ParseArray()
    {
        var open = Take();
        _depth++;
        CheckDepth(open.Origin);
        var items = new List<HoconValue>();
        SkipBlank();
        var previous = open;
        while (Peek().Kind != TokenKind.CloseBracket)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Comma)
            {
                throw HoconException.At(token.Origin, "unexpected ',' in an array: expected a value (two commas in a row, or a comma before the first element)");
            }

            if (token.Kind == TokenKind.EndOfFile)
            {
                throw HoconException.At(open.Origin, "unterminated array: this '[' is never closed (the file ended first)");
            }

            items.Add(ParseValue(null, previous));
            SkipWhitespace();
            previous = TakeSeparator() ?? Peek();
            switch (previous.Kind)
            {
                case TokenKind.Comma or TokenKind.Newline or TokenKind.CloseBracket:
                    break;
                case TokenKind.EndOfFile:
                    throw HoconException.At(open.Origin, "unterminated array: this '[' is never closed (the file ended first)");
                default:
                    throw HoconException.At(previous.Origin, $"expected ',' or ']' in the array, found {previous.Describe()}");
            }
        }

        Take();
        _depth--;
        return new HoconArray(items, open.Origin);
    }

    private void CheckDepth(HoconOrigin origin)
    {
        if (_depth > HoconLimits.MaxNestingDepth)
        {
            throw new HoconException($"nesting deeper than {HoconLimits.MaxNestingDepth} levels at {origin}", origin);
        }
    }
}
