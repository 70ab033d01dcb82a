using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// The log messages of the hosting layer, with structured fields named as in the event lines:
/// <c>connection</c>, <c>event</c>, <c>reason</c>, <c>attempt</c>, <c>rttMs</c>, <c>delayMs</c>.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Connection {connection} {event}, attempt {attempt}")]
    public static partial void Connecting(ILogger logger, string connection, string @event, int? attempt);

    [LoggerMessage(2, LogLevel.Information, "Connection {connection} {event}, attempt {attempt}")]
    public static partial void Up(ILogger logger, string connection, string @event, int? attempt);

    [LoggerMessage(3, LogLevel.Warning, "Connection {connection} {event}: {reason} ({detail}), last round trip {rttMs} ms")]
    public static partial void DownAfterRoundTrip(ILogger logger, string connection, string @event, string? reason, string? detail, double rttMs);

    [LoggerMessage(4, LogLevel.Warning, "Connection {connection} {event}: {reason} ({detail})")]
    public static partial void Down(ILogger logger, string connection, string @event, string? reason, string? detail);

    [LoggerMessage(5, LogLevel.Information, "Connection {connection} {event}: attempt {attempt} in {delayMs} ms")]
    public static partial void Backoff(ILogger logger, string connection, string @event, int? attempt, double delayMs);

    [LoggerMessage(6, LogLevel.Error, "Connection {connection} {event}: {reason} ({detail})")]
    public static partial void GaveUp(ILogger logger, string connection, string @event, string? reason, string? detail);

    [LoggerMessage(7, LogLevel.Information, "Connection {connection} {event}")]
    public static partial void Removed(ILogger logger, string connection, string @event);

    [LoggerMessage(10, LogLevel.Information, "Supervising connection {connection}: {settings}")]
    public static partial void Supervising(ILogger logger, string connection, string settings);

    [LoggerMessage(11, LogLevel.Information, "Added connection {connection}: {settings}")]
    public static partial void Added(ILogger logger, string connection, string settings);

    [LoggerMessage(12, LogLevel.Information, "Removing connection {connection}")]
    public static partial void Removing(ILogger logger, string connection);

    [LoggerMessage(13, LogLevel.Warning, "A send on connection {connection} was taken into its send buffer and refused later, after SendAsync had completed: {reason}")]
    public static partial void LateRejection(ILogger logger, string connection, string reason);

    [LoggerMessage(14, LogLevel.Warning, "Subscription to {connection} is too slow: its oldest notifications are being dropped ({dropped} so far)")]
    public static partial void SubscriberDropping(ILogger logger, string connection, long dropped);

    [LoggerMessage(20, LogLevel.Information, "ActorHeartbeat started: {count} connections")]
    public static partial void Started(ILogger logger, int count);

    [LoggerMessage(21, LogLevel.Information, "ActorHeartbeat stopped: every connection closed")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(22, LogLevel.Warning, "ActorHeartbeat stop: connections did not close before the host's shutdown timeout; aborting them")]
    public static partial void StopTimedOut(ILogger logger);
}
