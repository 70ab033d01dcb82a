using ActorHeartbeat.Core;

namespace ActorHeartbeat.Tests.Core;

public sealed class MessageMatcherTests
{
    // text, json-field, equals, message, matches, matched raw value
    [Theory]
    [InlineData("pong", null, null, "pong", true, "\"pong\"")]
    [InlineData("pong", null, null, "Pong", false, "")]
    [InlineData("pong", "op", "pong", "{\"op\":\"pong\"}", false, "")]
    [InlineData(null, "op", "pong", "{\"op\":\"pong\",\"seq\":3}", true, "\"pong\"")]
    [InlineData(null, "op", "pong", "  {\"op\" : \"pong\"}", true, "\"pong\"")]
    [InlineData(null, "op", "pong", "{\"op\":\"ping\"}", false, "")]
    [InlineData(null, "op", "pong", "{\"type\":\"pong\"}", false, "")]
    [InlineData(null, "type", null, "{\"type\":\"anything\"}", true, "\"anything\"")]
    [InlineData(null, "pong", null, "{\"pong\":1732}", true, "1732")]
    [InlineData(null, "ok", "true", "{\"ok\":true}", true, "true")]
    [InlineData(null, "n", "1", "{\"n\":1}", true, "1")]
    [InlineData(null, "op", "pong", "[\"op\",\"pong\"]", false, "")]
    [InlineData(null, "op", "pong", "{\"op\":\"pong\"", false, "")]
    [InlineData(null, "op", "pong", "pong", false, "")]
    [InlineData(null, "op", "pong", "", false, "")]
    public void Matches_FollowsTextThenJsonFieldRules(string? text, string? field, string? equals, string message, bool matches, string raw)
    {
        var matcher = new MessageMatcher(text, field, equals);

        var result = matcher.Matches(message, out var document, out var value);

        Assert.Equal(matches, result);
        Assert.Equal(raw, value);
        Assert.Equal(matches && text is null, document is not null);
        document?.Dispose();
    }

    // The answer probe reads a message once without a document; it must agree with the document-based
    // match on every message, and read the correlate field as the monitor always did.
    // field, equals, message, matches, correlate field as read ("-": absent, "?": unreadable)
    [Theory]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":7}", true, "7")]
    [InlineData("op", "pong", "{\"seq\":7,\"op\":\"pong\"}", true, "7")]
    [InlineData("op", "pong", "{\"op\":\"pong\"}", true, "-")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":\"12\"}", true, "12")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":\"\\u0031\\u0032\"}", true, "12")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":\"x\"}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":\"-3\"}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":\" 3\"}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":1.5}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":99999999999999999999}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":null}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":{\"n\":1}}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":[1]}", true, "?")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":1,\"seq\":2}", true, "2")]
    [InlineData("op", "pong", "{\"op\":\"ping\",\"op\":\"pong\"}", true, "-")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"op\":\"ping\"}", false, "-")]
    [InlineData("op", "pong", "{\"o\\u0070\":\"p\\u006fng\",\"seq\":4}", true, "4")]
    [InlineData("op", "pong", "{\"data\":{\"op\":\"pong\",\"seq\":1},\"op\":\"x\"}", false, "-")]
    [InlineData("op", "pong", "{\"data\":[{\"op\":\"ping\"}],\"op\":\"pong\",\"seq\":5}", true, "5")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":1} trailing", false, "-")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":1}  ", true, "1")]
    [InlineData("op", "pong", "{\"op\":\"pong\",/* c */\"seq\":1}", false, "-")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":1,}", false, "-")]
    [InlineData("op", "pong", "{\"op\":\"pong\",\"seq\":1", false, "-")]
    [InlineData("op", "pong", "{\"op\":\"pöng\"}", false, "-")]
    [InlineData("op", "pöng", "{\"op\":\"pöng\",\"seq\":2}", true, "2")]
    [InlineData("n", "1", "{\"n\":1,\"seq\":3}", true, "3")]
    [InlineData("n", "1", "{\"n\":1.0}", false, "-")]
    [InlineData("n", "1", "{\"n\":\"1\"}", true, "-")]
    [InlineData("ok", "true", "{\"ok\":true}", true, "-")]
    [InlineData("v", "{\"a\":[1,2]}", "{\"v\":{\"a\":[1,2]},\"seq\":8}", true, "8")]
    [InlineData("v", "{\"a\":[1,2]}", "{\"v\":{\"a\": [1,2]}}", false, "-")]
    [InlineData("v", "[1,\"é\"]", "{\"v\":[1,\"é\"]}", true, "-")]
    [InlineData("pong", null, "{\"pong\":{\"deep\":[[[]]]},\"seq\":9}", true, "9")]
    [InlineData("op", "pong", "[{\"op\":\"pong\"}]", false, "-")]
    [InlineData("op", "pong", "not json", false, "-")]
    public void MatchesAnswer_AgreesWithTheDocumentMatch_AndReadsTheCorrelateField(string field, string? equals, string message, bool matches, string correlate)
    {
        var matcher = MessageMatcher.JsonFieldEquals(field, equals);

        var result = matcher.MatchesAnswer(message, "seq", out var sequence, out var value);

        Assert.Equal(matches, result);
        Assert.Equal(matcher.Matches(message, out var document, out _), result);
        document?.Dispose();
        var read = sequence switch
        {
            SequenceField.Absent => "-",
            SequenceField.Unreadable => "?",
            _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(correlate, read);
    }

    [Fact]
    public void MatchesAnswer_ReadsMessagesLongerThanItsStackBuffer()
    {
        var padding = new string('x', 3000);
        var matcher = MessageMatcher.JsonFieldEquals("op", "pong");

        Assert.True(matcher.MatchesAnswer($"{{\"pad\":\"{padding}\",\"op\":\"pong\",\"seq\":41}}", "seq", out var sequence, out var value));
        Assert.Equal((SequenceField.Read, 41L), (sequence, value));
        Assert.False(matcher.MatchesAnswer($"{{\"pad\":\"{padding}\",\"op\":\"ping\"}}", "seq", out _, out _));
    }

    [Theory]
    [InlineData("pong", true)]
    [InlineData("{\"op\":\"pong\"}", false)]
    public void MatchesAnswer_WithExactText_ComparesTheTextAndReadsNoField(string message, bool matches)
    {
        var matcher = MessageMatcher.ExactText("pong");

        Assert.Equal(matches, matcher.MatchesAnswer(message, "seq", out var sequence, out _));
        Assert.Equal(SequenceField.Absent, sequence);
    }
}
