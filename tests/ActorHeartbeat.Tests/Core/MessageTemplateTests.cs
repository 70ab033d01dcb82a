using System.Text.Json;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Tests.Core;

public sealed class MessageTemplateTests
{
    [Theory]
    [InlineData("{\"op\":\"ping\",\"seq\":{seq},\"ts\":{ts}}", 7, 1732000000123, "{\"op\":\"ping\",\"seq\":7,\"ts\":1732000000123}")]
    [InlineData("ping", 1, 0, "ping")]
    [InlineData("{seq}-{seq}", 42, 0, "42-42")]
    [InlineData("{unknown} {seq", 3, 0, "{unknown} {seq")]
    [InlineData("{}", 3, 0, "{}")]
    public void RenderPing_SubstitutesSeqAndTsAsBareIntegers(string template, long seq, long ts, string expected) =>
        Assert.Equal(expected, MessageTemplate.Parse(template).RenderPing(seq, ts));

    // template, ping JSON, matched value, expected
    [Theory]
    [InlineData("{\"pong\":{value}}", "{\"ping\":1732}", "1732", "{\"pong\":1732}")]
    [InlineData("{\"pong\":{value}}", "{\"ping\":\"abc\"}", "\"abc\"", "{\"pong\":\"abc\"}")]
    [InlineData("{\"op\":\"pong\",\"seq\":{ping.seq}}", "{\"op\":\"ping\",\"seq\":9}", "\"ping\"", "{\"op\":\"pong\",\"seq\":9}")]
    [InlineData("{\"op\":\"pong\",\"seq\":{ping.seq}}", "{\"op\":\"ping\"}", "\"ping\"", "{\"op\":\"pong\",\"seq\":null}")]
    [InlineData("{\"echo\":{ping.data}}", "{\"data\":{\"a\":[1,2]}}", "1", "{\"echo\":{\"a\":[1,2]}}")]
    public void RenderReply_UsesRawJsonOfTheMatchedValueAndPingFields(string template, string ping, string value, string expected)
    {
        using var document = JsonDocument.Parse(ping);
        Assert.Equal(expected, MessageTemplate.Parse(template).RenderReply(value, document));
    }

    [Fact]
    public void UsesSequence_ReportsWhetherSeqAppears()
    {
        Assert.True(MessageTemplate.Parse("{seq}").UsesSequence);
        Assert.False(MessageTemplate.Parse("ping").UsesSequence);
    }
}
