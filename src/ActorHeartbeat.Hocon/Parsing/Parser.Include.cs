using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Parsing;

/// <content>The include statement: <c>include "f"</c>, <c>include file("f")</c>, <c>include required(file("f"))</c>.</content>
internal sealed partial class Parser
{
    private const string IncludeSyntaxHelp =
        "'include' must be followed by a quoted name, file(\"name\"), url(\"name\"), classpath(\"name\") or required(...) around one of them";

    private void ParseInclude(HoconObject target, HoconPath? objectPath, Token keyword)
    {
        SkipBlank();
        var spec = ReadIncludeSpec(keyword);
        IncludeLoader.Include(spec, target, objectPath, _source, _session, _depth);
    }

    private IncludeSpec ReadIncludeSpec(Token keyword)
    {
        var token = Peek();
        if (token.Kind == TokenKind.Quoted)
        {
            Take();
            return new IncludeSpec(token.Text, IncludeKind.Heuristic, Required: false, keyword.Origin);
        }

        if (token.Kind != TokenKind.Unquoted)
        {
            throw HoconException.At(token.Origin, $"{IncludeSyntaxHelp}; found {token.Describe()}");
        }

        var openers = new List<string>();
        while (Peek().Kind == TokenKind.Unquoted)
        {
            var part = Take();
            ReadOpeners(part, openers);
            SkipWhitespace();
        }

        var name = Peek();
        if (name.Kind != TokenKind.Quoted)
        {
            throw HoconException.At(name.Origin, $"{IncludeSyntaxHelp}; the name inside the parentheses must be a quoted string, found {name.Describe()}");
        }

        Take();
        var closers = 0;
        while (true)
        {
            SkipWhitespace();
            var closing = Peek();
            if (closing.Kind != TokenKind.Unquoted || closing.Text.Any(c => c != ')'))
            {
                break;
            }

            Take();
            closers += closing.Text.Length;
        }

        if (closers != openers.Count)
        {
            throw HoconException.At(
                token.Origin,
                $"unbalanced parentheses in include: {openers.Count} opened, {closers} closed ({IncludeSyntaxHelp})");
        }

        return BuildSpec(openers, name.Text, keyword.Origin, token.Origin);
    }

    private static void ReadOpeners(Token part, List<string> openers)
    {
        var text = part.Text;
        while (text.Length > 0)
        {
            var open = text.IndexOf('(', StringComparison.Ordinal);
            if (open < 0)
            {
                throw HoconException.At(part.Origin, $"{IncludeSyntaxHelp}; found '{part.Text}' (no space is allowed before '(')");
            }

            var word = text[..open];
            if (word is not ("required" or "file" or "url" or "classpath"))
            {
                throw HoconException.At(part.Origin, $"{IncludeSyntaxHelp}; '{word}(' is not one of them");
            }

            openers.Add(word);
            text = text[(open + 1)..];
        }
    }

    private static IncludeSpec BuildSpec(List<string> openers, string name, HoconOrigin origin, HoconOrigin argumentOrigin)
    {
        var required = openers.Count > 0 && openers[0] == "required";
        var rest = required ? openers.Skip(1).ToList() : openers;
        if (rest.Count > 1 || rest.Contains("required"))
        {
            throw HoconException.At(argumentOrigin, $"{IncludeSyntaxHelp}; required(...) must be outermost and may wrap at most one of file(), url() or classpath()");
        }

        var kind = rest.Count == 0
            ? IncludeKind.Heuristic
            : rest[0] switch
            {
                "file" => IncludeKind.File,
                "url" => IncludeKind.Url,
                _ => IncludeKind.Classpath,
            };
        return new IncludeSpec(name, kind, required, origin);
    }
}
