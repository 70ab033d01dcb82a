using ActorHeartbeat.Actors;
using ActorHeartbeat.Core;
using ActorHeartbeat.Registry;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// Writes every <see cref="ConnectionEvent"/> on the event stream to an <see cref="ILogger"/> with
/// structured fields: connecting at Debug, up/backoff/removed at Information, down at Warning, gave-up
/// at Error. Answers <see cref="Flush"/> once everything before it is written. Whoever spawns it
/// subscribes it to the event stream at once (<see cref="Subscribe"/>), so that no event published
/// before its first turn is missed.
/// </summary>
internal sealed class EventLogger : ReceiveActor
{
    private readonly ILogger _logger;

    private EventLogger(ILogger logger)
    {
        _logger = logger;
        Receive<ConnectionEvent>(Write);
        Receive<Flush>(f => Sender.Tell(f));
    }

    public static Props Props(ILogger logger) => Actors.Props.Create(() => new EventLogger(logger));

    public static IActorRef Subscribe(ActorSystem system, IActorRef logger)
    {
        system.EventStream.Subscribe(logger, typeof(ConnectionEvent));
        return logger;
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Write(ConnectionEvent e)
    {
        var name = EventLines.Name(e.Kind);
        var reason = e.Reason?.ToKebab();
        switch (e.Kind)
        {
            case ConnectionEventKind.Connecting:
                Log.Connecting(_logger, e.Connection, name, e.Attempt);
                break;
            case ConnectionEventKind.Up:
                Log.Up(_logger, e.Connection, name, e.Attempt);
                break;
            case ConnectionEventKind.Down when e.RoundTrip is { } rtt:
                Log.DownAfterRoundTrip(_logger, e.Connection, name, reason, e.Detail, Math.Round(rtt.TotalMilliseconds, 3));
                break;
            case ConnectionEventKind.Down:
                Log.Down(_logger, e.Connection, name, reason, e.Detail);
                break;
            case ConnectionEventKind.Backoff:
                Log.Backoff(_logger, e.Connection, name, e.Attempt, Math.Round((e.Delay ?? TimeSpan.Zero).TotalMilliseconds, 3));
                break;
            case ConnectionEventKind.GaveUp:
                Log.GaveUp(_logger, e.Connection, name, reason, e.Detail);
                break;
            default:
                Log.Removed(_logger, e.Connection, name);
                break;
        }
    }

    /// <summary>Answered with itself once every event before it was written.</summary>
    public sealed record Flush
    {
        public static Flush Instance { get; } = new();
    }
}
