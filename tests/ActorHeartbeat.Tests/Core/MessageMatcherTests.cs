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
}
