using System.Diagnostics;
using System.Globalization;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>A <see cref="ConnectionEvent"/> as the test saw it arrive.</summary>
/// <param name="Index">Its position in the <see cref="EventLog"/> (0 for the first).</param>
/// <param name="ArrivedAt">When it arrived, as a <see cref="Stopwatch"/> timestamp.</param>
/// <param name="Event">The event.</param>
internal readonly record struct RecordedEvent(int Index, long ArrivedAt, ConnectionEvent Event)
{
    public ConnectionEventKind Kind => Event.Kind;

    public DisconnectReason? Reason => Event.Reason;

    /// <summary>Real time from <paramref name="startedAt"/> (a Stopwatch timestamp) until this event arrived.</summary>
    public TimeSpan Since(long startedAt) => Stopwatch.GetElapsedTime(startedAt, ArrivedAt);

    /// <summary>One line for failure messages, times relative to <paramref name="origin"/>.</summary>
    public string Describe(long origin) => string.Create(
        CultureInfo.InvariantCulture,
        $"#{Index} +{Since(origin).TotalMilliseconds:0} ms {EventLines.Format(Event)}");
}
