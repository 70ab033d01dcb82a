using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Tests.Support;

/// <summary>One captured log entry: the rendered message and every structured field.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool IsEvent(string connection, string @event) => Field("connection") == connection && Field("event") == @event;
}
