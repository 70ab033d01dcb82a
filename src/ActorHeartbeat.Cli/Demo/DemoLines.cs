using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// The demo's own lines beside the event lines: a fault injected, healed or skipped. As JSON they
/// have the event-line shape, <c>{"ts":…,"connection":…,"event":"fault|healed|skipped","fault":"frozen-peer","boundMs":2000}</c>.
/// </summary>
internal static class DemoLines
{
    public static string Json(FaultLine line, DemoTimings timings)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var buffer = new MemoryStream(160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ts", EventLines.Timestamp(line.At));
            json.WriteString("connection", line.Connection);
            json.WriteString("event", EventName(line.Kind));
            json.WriteString("fault", DemoNames.Of(line.Fault.Kind));
            json.WriteNumber("faultId", line.Fault.Id);
            if (line.Kind == FaultLineKind.Injected)
            {
                json.WriteNumber("boundMs", timings.Bound(DemoPlan.ProfileOf(line.Fault.Connection)).TotalMilliseconds);
            }

            if (line.Detail is { Length: > 0 } detail)
            {
                json.WriteString("detail", detail);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string Plain(FaultLine line, DemoTimings timings)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = $"{line.At.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line.Connection} {EventName(line.Kind)} #{line.Fault.Id} {DemoNames.Of(line.Fault.Kind)}";
        return line.Kind switch
        {
            FaultLineKind.Injected => $"{text} (bound {Seconds(timings.Bound(DemoPlan.ProfileOf(line.Fault.Connection)))})",
            FaultLineKind.Skipped => $"{text} ({line.Detail})",
            _ => text,
        };
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string EventName(FaultLineKind kind) => kind switch
    {
        FaultLineKind.Injected => "fault",
        FaultLineKind.Healed => "healed",
        FaultLineKind.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault line kind."),
    };
}
