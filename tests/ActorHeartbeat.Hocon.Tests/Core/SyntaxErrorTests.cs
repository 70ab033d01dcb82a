using ActorHeartbeat.Hocon.Tests.Support;

namespace ActorHeartbeat.Hocon.Tests.Core;

public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("a = \"abc", 1, 5, "unterminated string starting at test.conf:1:5")]
    [InlineData("x = 1\na = \"abc\nb = 2", 2, 5, "unterminated string starting at test.conf:2:5")]
    [InlineData("a = \"\"\"abc\n", 1, 5, "unterminated triple-quoted string starting at test.conf:1:5")]
    [InlineData("a = \"\\x\"", 1, 6, "'\\x' is not a valid escape")]
    [InlineData("a = \"\\u12\"", 1, 6, "four hexadecimal digits")]
    [InlineData("a = \"a\tb\"", 1, 7, "control character U+0009")]
    [InlineData("{ a = 1", 1, 1, "unterminated object")]
    [InlineData("a = [1, 2", 1, 5, "unterminated array")]
    [InlineData("a = 1 }", 1, 7, "unbalanced '}'")]
    [InlineData("{ a = 1 } b = 2", 1, 11, "after the '}' that closes the root object")]
    [InlineData("[1, 2]", 1, 1, "root of a configuration must be an object")]
    [InlineData("a = 1,,", 1, 7, "unexpected ','")]
    [InlineData(", a = 1", 1, 1, "unexpected ','")]
    [InlineData("a = [1,,2]", 1, 8, "unexpected ',' in an array")]
    [InlineData("a = [,1]", 1, 6, "unexpected ',' in an array")]
    [InlineData("a = 1 b = 2", 1, 9, "expected ',' or a newline after the value of 'a', found '='")]
    [InlineData("a =", 1, 4, "expected a value after '=', found end of file")]
    [InlineData("a", 1, 2, "expected '=', ':' or '{' after the key 'a', found end of file")]
    [InlineData("a\nb = 1", 2, 1, "after the key 'a', found 'b'")]
    [InlineData("a = http://x.com", 1, 9, "expected ',' or a newline")]
    [InlineData("a = x`y", 1, 6, "the character '`' is reserved")]
    [InlineData("a = a?b", 1, 6, "the character '?' is reserved")]
    [InlineData("a = 1+", 1, 5, "'+' is not allowed outside quotes")]
    [InlineData("a = x + y", 1, 7, "'+' is only allowed as part of '+='")]
    [InlineData("a = $x", 1, 5, "'$' must start a substitution")]
    [InlineData("a = ${}", 1, 5, "empty substitution")]
    [InlineData("a = ${a..b}", 1, 5, "invalid substitution 'a..b'")]
    [InlineData("a = ${ ?x}", 1, 8, "the character '?' is reserved")]
    [InlineData("a = ${x", 1, 5, "unterminated substitution")]
    [InlineData("a = ${x${y}}", 1, 8, "cannot be nested")]
    [InlineData("a = ${x:y}", 1, 8, "':' is not allowed inside a substitution")]
    [InlineData("${a} = 1", 1, 1, "substitutions are not allowed in keys")]
    [InlineData("[a] = 1", 1, 1, "root of a configuration must be an object")]
    [InlineData("x = 1\n[a] = 1", 2, 1, "expected a key, found '['")]
    [InlineData("a..b = 1", 1, 1, "invalid key 'a..b'")]
    [InlineData(".a = 1", 1, 1, "invalid key '.a'")]
    [InlineData("a. = 1", 1, 1, "invalid key 'a.'")]
    [InlineData("include = 1", 1, 9, "'include' must be followed by a quoted name")]
    [InlineData("include foo", 1, 9, "'include' must be followed by a quoted name")]
    [InlineData("include file (\"x\")", 1, 9, "no space is allowed before '('")]
    [InlineData("include file(\"x\"", 1, 9, "unbalanced parentheses in include")]
    [InlineData("include bogus(\"x\")", 1, 9, "'bogus(' is not one of them")]
    [InlineData("include file(required(\"x\"))", 1, 9, "required(...) must be outermost")]
    [InlineData("a = [ { b += 1 } ]", 1, 11, "'+=' cannot be used inside an array")]
    [InlineData("a = {x:1} \"y\"", 1, 5, "cannot concatenate an object with the string \"y\"")]
    [InlineData("a = foo [1]", 1, 5, "cannot concatenate an array with the string \"foo\"")]
    [InlineData("a = [1] foo", 1, 5, "cannot concatenate an array with the string \"foo\"")]
    [InlineData("a = [1] {x:1}", 1, 5, "cannot concatenate an array with an object")]
    public void SyntaxErrors_NameFileLineAndColumn(string text, int line, int column, string fragment)
    {
        var error = TestHocon.Error(text);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal("test.conf", error.SourceName);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"test.conf:{line}:{column}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedString_MessageMatchesTheDocumentedForm()
    {
        var text = string.Concat(Enumerable.Repeat("x = 1\n", 11)) + "greeting = \"hello";
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse(text, "app.conf"));
        Assert.StartsWith("unterminated string starting at app.conf:12:12", error.Message, StringComparison.Ordinal);
    }
}
