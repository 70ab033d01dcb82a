using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Registry;

/// <summary>
/// Renders a <see cref="ConnectionEvent"/> as one JSON event line (DESIGN "The command line"):
/// <c>{"ts":"…","connection":"…","event":"…","attempt":N,"reason":"…","rttMs":x,"delayMs":y}</c>, fields
/// present when meaningful, <c>ts</c> in ISO-8601 UTC with milliseconds.
/// </summary>
public static class EventLines
{
    /// <summary>The <c>event</c> name of <paramref name="kind"/>.</summary>
    public static string Name(ConnectionEventKind kind) => kind switch
    {
        ConnectionEventKind.Connecting => "connecting",
        ConnectionEventKind.Up => "up",
        ConnectionEventKind.Down => "down",
        ConnectionEventKind.Backoff => "backoff",
        ConnectionEventKind.GaveUp => "gave-up",
        ConnectionEventKind.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind."),
    };

    /// <summary>The <c>ts</c> field's text: ISO-8601 UTC with milliseconds, e.g. <c>2026-11-22T12:00:00.123Z</c>.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>One JSON line, without the newline.</summary>
    public static string Format(ConnectionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream(160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ts", Timestamp(e.Timestamp));
            json.WriteString("connection", e.Connection);
            json.WriteString("event", Name(e.Kind));
            if (e.Attempt is { } attempt)
            {
                json.WriteNumber("attempt", attempt);
            }

            if (e.Reason is { } reason)
            {
                json.WriteString("reason", reason.ToKebab());
            }

            if (e.Detail is { Length: > 0 } detail)
            {
                json.WriteString("detail", detail);
            }

            if (e.RoundTrip is { } rtt)
            {
                json.WriteNumber("rttMs", Math.Round(rtt.TotalMilliseconds, 3));
            }

            if (e.Delay is { } delay)
            {
                json.WriteNumber("delayMs", Math.Round(delay.TotalMilliseconds, 3));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
