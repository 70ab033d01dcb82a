using ActorHeartbeat.Actors;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Tests.Integration;

/// <summary>Subscribed to a connection manager: writes every <see cref="ConnectionEvent"/> into an <see cref="EventLog"/>.</summary>
internal sealed class EventRecorder : ReceiveActor
{
    public EventRecorder(EventLog log)
    {
        Receive<ConnectionEvent>(log.Add);
        ReceiveAny(_ => { });
    }

    public static Props Props(EventLog log) => Actors.Props.Create(() => new EventRecorder(log));
}
