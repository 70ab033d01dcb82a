using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace ActorHeartbeat.Transport;

/// <summary>
/// The client's side of the WebSocket opening handshake (RFC 6455 §4.1 and §4.2.2) as plain text: the
/// HTTP/1.1 upgrade request, and the checks of the server's answer (status 101, <c>Upgrade: websocket</c>,
/// <c>Connection: Upgrade</c>, the <c>Sec-WebSocket-Accept</c> derived from the key, a subprotocol that
/// was offered, no extension that was not). Pure: no I/O.
/// </summary>
internal static class WebSocketHandshake
{
    /// <summary>The longest response head accepted, in bytes.</summary>
    public const int MaxResponseHeadLength = 16 * 1024;

    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    // Headers this handshake writes itself; a caller's value for one of them would contradict it.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
        "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Sec-WebSocket-Accept", "Content-Length", "Transfer-Encoding",
    };

    /// <summary>A fresh <c>Sec-WebSocket-Key</c>: 16 random bytes, base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>The <c>Sec-WebSocket-Accept</c> a server must answer to <paramref name="key"/>.</summary>
    public static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));

    /// <summary>The upgrade request for <paramref name="request"/> with <paramref name="key"/>, as ASCII bytes.</summary>
    /// <exception cref="ArgumentException">A header name is not an HTTP token, a value holds a line break, or the header is one the handshake sets itself; the same for subprotocols.</exception>
    public static byte[] BuildRequest(ConnectRequest request, string key)
    {
        var url = request.Url;
        var text = new StringBuilder(256);
        text.Append("GET ").Append(url.PathAndQuery.Length == 0 ? "/" : url.PathAndQuery).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(url.IdnHost.Contains(':', StringComparison.Ordinal) ? $"[{url.IdnHost}]" : url.IdnHost);
        if (!url.IsDefaultPort)
        {
            text.Append(':').Append(url.Port.ToString(CultureInfo.InvariantCulture));
        }

        text.Append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ").Append(key).Append("\r\n");
        if (request.Subprotocols.Count > 0)
        {
            foreach (var subprotocol in request.Subprotocols)
            {
                if (!IsToken(subprotocol))
                {
                    throw new ArgumentException($"The subprotocol '{subprotocol}' is not a valid HTTP token.", nameof(request));
                }
            }

            text.Append("Sec-WebSocket-Protocol: ").AppendJoin(", ", request.Subprotocols).Append("\r\n");
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!IsToken(name))
            {
                throw new ArgumentException($"The handshake header name '{name}' is not a valid HTTP token.", nameof(request));
            }

            if (Reserved.Contains(name))
            {
                throw new ArgumentException($"The handshake header '{name}' is set by the WebSocket handshake itself.", nameof(request));
            }

            if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                // The value is a secret: name the header, never echo the value.
                throw new ArgumentException($"The value of handshake header '{name}' contains a line break or NUL.", nameof(request));
            }

            text.Append(name).Append(": ").Append(value.Trim()).Append("\r\n");
        }

        text.Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The length of the response head in <paramref name="received"/> (through the blank line), or -1 while incomplete.</summary>
    public static int HeadLength(ReadOnlySpan<byte> received)
    {
        var end = received.IndexOf("\r\n\r\n"u8);
        return end < 0 ? -1 : end + 4;
    }

    /// <summary>
    /// Checks the response head <paramref name="head"/> against the request made with <paramref name="key"/>
    /// offering <paramref name="offered"/>, and returns the subprotocol the server chose (or null).
    /// </summary>
    /// <exception cref="WebSocketException">The answer is not a valid acceptance; the message says what is wrong.</exception>
    public static string? Validate(ReadOnlySpan<byte> head, string key, IReadOnlyList<string> offered)
    {
        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) ||
            !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new WebSocketException(WebSocketError.HeaderError, $"The server's answer is not HTTP/1.1: '{Printable(lines[0])}'.");
        }

        if (code != 101)
        {
            var reason = status.Length > 2 ? " " + Printable(status[2]) : string.Empty;
            throw new WebSocketException(WebSocketError.NotAWebSocket, $"The server returned status code {code}{reason} when status code 101 was expected.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new WebSocketException(WebSocketError.HeaderError, $"The server sent a malformed header line: '{Printable(line)}'.");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        if (!headers.TryGetValue("Upgrade", out var upgrade) || !string.Equals(upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
        {
            throw new WebSocketException(WebSocketError.HeaderError, "The server's 101 answer lacks 'Upgrade: websocket'.");
        }

        if (!headers.TryGetValue("Connection", out var connection) || !HasToken(connection, "upgrade"))
        {
            throw new WebSocketException(WebSocketError.HeaderError, "The server's 101 answer lacks 'Connection: Upgrade'.");
        }

        if (!headers.TryGetValue("Sec-WebSocket-Accept", out var accept) || !string.Equals(accept, AcceptFor(key), StringComparison.Ordinal))
        {
            throw new WebSocketException(WebSocketError.HeaderError, "The server's Sec-WebSocket-Accept does not match the key sent (not a WebSocket server, or a proxy in between).");
        }

        if (headers.TryGetValue("Sec-WebSocket-Extensions", out var extensions) && extensions.Length > 0)
        {
            throw new WebSocketException(WebSocketError.HeaderError, $"The server accepted extensions that were not offered: '{Printable(extensions)}'.");
        }

        if (!headers.TryGetValue("Sec-WebSocket-Protocol", out var chosen) || chosen.Length == 0)
        {
            return null;
        }

        foreach (var subprotocol in offered)
        {
            if (string.Equals(subprotocol, chosen, StringComparison.Ordinal))
            {
                return subprotocol;
            }
        }

        throw new WebSocketException(WebSocketError.UnsupportedProtocol, $"The server chose the subprotocol '{Printable(chosen)}', which was not offered.");
    }

    private static bool HasToken(string list, string token)
    {
        foreach (var part in list.Split(','))
        {
            if (string.Equals(part.Trim(), token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // RFC 9110 token characters.
    private static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c > 0x7E || c <= 0x20 || "\"(),/:;<=>?@[\\]{}".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(string value)
    {
        var cut = value.Length > 120 ? value[..120] + "…" : value;
        return string.Create(cut.Length, cut, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
