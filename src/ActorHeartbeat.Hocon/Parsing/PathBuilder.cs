using System.Text;
using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// Turns the tokens of a key or substitution into a path: '.' outside quotes separates keys, quoted parts are
/// taken literally, numbers keep their text (<c>10.0foo</c> is <c>10</c>, <c>0foo</c>), and whitespace inside
/// the expression is kept while whitespace around it is dropped.
/// </summary>
internal static class PathBuilder
{
    public static HoconPath FromTokens(IReadOnlyList<Token> tokens, HoconOrigin origin, string what)
    {
        var first = 0;
        var last = tokens.Count - 1;
        while (first <= last && tokens[first].Kind == TokenKind.Whitespace)
        {
            first++;
        }

        while (last >= first && tokens[last].Kind == TokenKind.Whitespace)
        {
            last--;
        }

        if (first > last)
        {
            throw HoconException.At(origin, $"empty {what}: expected a path such as a.b");
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Quoted)
            {
                current.Append(token.Text);
                hasContent = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c == '.')
                {
                    if (!hasContent)
                    {
                        throw EmptyElement(origin, what, tokens, first, last);
                    }

                    segments.Add(current.ToString());
                    current.Clear();
                    hasContent = false;
                }
                else
                {
                    current.Append(c);
                    hasContent = true;
                }
            }
        }

        if (!hasContent)
        {
            throw EmptyElement(origin, what, tokens, first, last);
        }

        segments.Add(current.ToString());
        return new HoconPath([.. segments]);
    }

    /// <summary>Parses a path expression given as a string (for the getters), for example <c>a.b."c.d"</c>.</summary>
    /// <exception cref="ArgumentException">The text is not a valid path expression.</exception>
    public static HoconPath Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (IsSimple(expression))
        {
            return new HoconPath(expression.Split('.'));
        }

        try
        {
            var tokenizer = new Tokenizer(expression, "<path>");
            var tokens = new List<Token>();
            for (var token = tokenizer.Next(); token.Kind != TokenKind.EndOfFile; token = tokenizer.Next())
            {
                if (!token.IsPathPart)
                {
                    throw new ArgumentException($"'{expression}' is not a valid path expression: {token.Describe()} is not allowed in a path", nameof(expression));
                }

                tokens.Add(token);
            }

            return FromTokens(tokens, new HoconOrigin("<path>", 1, 1), "path");
        }
        catch (HoconException e)
        {
            throw new ArgumentException($"'{expression}' is not a valid path expression: {e.Message}", nameof(expression), e);
        }
    }

    private static bool IsSimple(string expression)
    {
        if (expression.Length == 0 || expression[0] == '.' || expression[^1] == '.' || expression.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in expression)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static HoconException EmptyElement(HoconOrigin origin, string what, IReadOnlyList<Token> tokens, int first, int last)
    {
        var sb = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            sb.Append(tokens[i].Kind == TokenKind.Quoted ? Quote(tokens[i].Text) : tokens[i].Text);
        }

        return HoconException.At(
            origin,
            $"invalid {what} '{sb}': a path may not start or end with '.' or contain '..' (quote an empty key as \"\")");
    }

    private static string Quote(string text)
    {
        var sb = new StringBuilder();
        Rendering.JsonRenderer.AppendQuoted(sb, text);
        return sb.ToString();
    }
}
