using System.Net.WebSockets;
using System.Text;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

/// <summary>The handshake answer collected read by read: the head ends at the blank line wherever reads split it.</summary>
public sealed class HandshakeAnswerTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        $"Sec-WebSocket-Accept: {WebSocketHandshake.AcceptFor(Key)}\r\nSec-WebSocket-Protocol: v1\r\n\r\n\x81\x02hi");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void AnswerInReadsOfAnySize_IsCompleteAtTheBlankLine_AndKeepsTheBytesAfterIt(int readSize)
    {
        using var answer = new HandshakeAnswer();
        var complete = false;
        var offset = 0;
        while (!complete)
        {
            var count = Math.Min(readSize, Answer.Length - offset);
            Answer.AsSpan(offset, count).CopyTo(answer.Space(count).Span);
            offset += count;
            complete = answer.Advance(count);
        }

        var subprotocol = answer.Accept(Key, ["v1"], out var leftover);

        Assert.Equal("v1", subprotocol);
        Assert.True(offset <= Answer.Length);
        Assert.Equal(Answer.AsSpan(Answer.Length - 4, offset - (Answer.Length - 4)).ToArray(), leftover ?? []);
    }

    [Fact]
    public void HeadWithoutFollowingBytes_HasNoLeftover()
    {
        using var answer = new HandshakeAnswer();
        var head = Answer.AsSpan(0, Answer.Length - 4);
        head.CopyTo(answer.Space(head.Length).Span);

        Assert.True(answer.Advance(head.Length));
        answer.Accept(Key, ["v1"], out var leftover);
        Assert.Null(leftover);
    }

    [Fact]
    public void HeadStillOpenPastTheLimit_IsRejected()
    {
        using var answer = new HandshakeAnswer();
        var filler = Encoding.ASCII.GetBytes("X-Filler: " + new string('a', 1000) + "\r\n");
        var error = Assert.Throws<WebSocketException>(() =>
        {
            // Bounded: 64 lines are four times the limit.
            for (var i = 0; i < 64; i++)
            {
                filler.CopyTo(answer.Space(filler.Length).Span);
                Assert.False(answer.Advance(filler.Length));
            }
        });

        Assert.Contains($"longer than {WebSocketHandshake.MaxResponseHeadLength} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptBeforeTheHeadIsComplete_IsAMistake()
    {
        using var answer = new HandshakeAnswer();

        Assert.Throws<InvalidOperationException>(() => answer.Accept(Key, [], out _));
    }
}
