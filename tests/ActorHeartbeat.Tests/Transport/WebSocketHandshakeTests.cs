using System.Net.WebSockets;
using System.Text;
using ActorHeartbeat.Transport;

namespace ActorHeartbeat.Tests.Transport;

public sealed class WebSocketHandshakeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    [Fact]
    public void AcceptFor_IsTheRfc6455SampleValue() =>
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.AcceptFor(Key));

    [Fact]
    public void BuildRequest_HasUpgradeHeaders_SubprotocolsAndExtraHeaders()
    {
        var request = Request("ws://example.test:8080/feed?x=1", new Dictionary<string, string> { ["X-Token"] = "secret" }, ["v2", "v1"]);
        var text = Encoding.ASCII.GetString(WebSocketHandshake.BuildRequest(request, Key));

        Assert.StartsWith("GET /feed?x=1 HTTP/1.1\r\nHost: example.test:8080\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nUpgrade: websocket\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: Upgrade\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nSec-WebSocket-Version: 13\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"\r\nSec-WebSocket-Key: {Key}\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nSec-WebSocket-Protocol: v2, v1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Token: secret\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildRequest_DefaultPort_IsNotInTheHostHeader()
    {
        var text = Encoding.ASCII.GetString(WebSocketHandshake.BuildRequest(Request("wss://example.test/"), Key));

        Assert.Contains("\r\nHost: example.test\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sec-WebSocket-Key", "x", "set by the WebSocket handshake")]
    [InlineData("host", "x", "set by the WebSocket handshake")]
    [InlineData("Bad Name", "x", "not a valid HTTP token")]
    [InlineData("X-Injected", "a\r\nEvil: 1", "line break")]
    public void BuildRequest_BadHeader_IsRejectedByName(string name, string value, string expected)
    {
        var request = Request("ws://example.test/", new Dictionary<string, string> { [name] = value });

        var error = Assert.Throws<ArgumentException>(() => WebSocketHandshake.BuildRequest(request, Key));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Evil", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Accepting101_ReturnsTheChosenSubprotocol()
    {
        var head = Head("HTTP/1.1 101 Switching Protocols", "Upgrade: WebSocket", "Connection: keep-alive, Upgrade", $"Sec-WebSocket-Accept: {WebSocketHandshake.AcceptFor(Key)}", "Sec-WebSocket-Protocol: v1");

        Assert.Equal("v1", WebSocketHandshake.Validate(head, Key, ["v2", "v1"]));
    }

    [Fact]
    public void Validate_NoSubprotocolChosen_ReturnsNull()
    {
        var head = Head("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade", $"Sec-WebSocket-Accept: {WebSocketHandshake.AcceptFor(Key)}");

        Assert.Null(WebSocketHandshake.Validate(head, Key, ["v1"]));
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found|Content-Length: 0", "status code 404 Not Found")]
    [InlineData("SSH-2.0-OpenSSH", "not HTTP/1.1")]
    [InlineData("HTTP/1.1 101 Switching Protocols|Connection: Upgrade|Sec-WebSocket-Accept: {accept}", "Upgrade: websocket")]
    [InlineData("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Sec-WebSocket-Accept: {accept}", "Connection: Upgrade")]
    [InlineData("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade|Sec-WebSocket-Accept: AAAA", "Sec-WebSocket-Accept does not match")]
    [InlineData("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade", "Sec-WebSocket-Accept does not match")]
    [InlineData("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade|Sec-WebSocket-Accept: {accept}|Sec-WebSocket-Protocol: v9", "'v9', which was not offered")]
    [InlineData("HTTP/1.1 101 Switching Protocols|Upgrade: websocket|Connection: Upgrade|Sec-WebSocket-Accept: {accept}|Sec-WebSocket-Extensions: permessage-deflate", "extensions that were not offered")]
    [InlineData("HTTP/1.1 101 Switching Protocols|no colon here", "malformed header line")]
    public void Validate_NotAnAcceptance_FailsSayingWhy(string lines, string expected)
    {
        var head = Head([.. lines.Replace("{accept}", WebSocketHandshake.AcceptFor(Key), StringComparison.Ordinal).Split('|')]);

        var error = Assert.Throws<WebSocketException>(() => WebSocketHandshake.Validate(head, Key, ["v1"]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 101 OK\r\n\r\n", 19)]
    [InlineData("HTTP/1.1 101 OK\r\nA: b\r\n\r\n\x81\x02hi", 25)]
    [InlineData("HTTP/1.1 101 OK\r\nA: b\r\n", -1)]
    public void HeadLength_EndsAfterTheBlankLine(string received, int expected) =>
        Assert.Equal(expected, WebSocketHandshake.HeadLength(Encoding.Latin1.GetBytes(received)));

    private static ConnectRequest Request(string url, Dictionary<string, string>? headers = null, string[]? subprotocols = null) =>
        new(new Uri(url), headers ?? [], subprotocols ?? [], null, null);

    private static byte[] Head(params string[] lines) => Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n");
}
