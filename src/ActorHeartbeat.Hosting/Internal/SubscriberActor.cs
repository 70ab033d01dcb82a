using System.Threading.Channels;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Connections;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// The actor behind one <see cref="HeartbeatSubscription"/>: subscribes to the manager, writes what
/// arrives into the subscription's bounded channel (which drops and counts the oldest when full), and
/// unsubscribes when it stops. It completes the channel when it stops or the manager stops, so the
/// consumer's enumeration ends.
/// </summary>
internal sealed class SubscriberActor : ReceiveActor
{
    private readonly IActorRef _manager;
    private readonly string? _connection;
    private readonly ChannelWriter<ConnectionNotification> _writer;
    private readonly TaskCompletionSource _stopped;

    /// <summary>Round trips to the manager not yet answered, oldest first; the first is the subscription's readiness.</summary>
    private readonly Queue<TaskCompletionSource> _syncs = new();

    private SubscriberActor(IActorRef manager, string? connection, ChannelWriter<ConnectionNotification> writer, TaskCompletionSource ready, TaskCompletionSource stopped)
    {
        _manager = manager;
        _connection = connection;
        _writer = writer;
        _stopped = stopped;
        _syncs.Enqueue(ready);
        Receive<InboundReceived>(m => _writer.TryWrite(new ConnectionNotification(m.Connection, m.Message, null)));
        Receive<ConnectionEvent>(e => _writer.TryWrite(new ConnectionNotification(e.Connection, null, e)));
        Receive<ConnectionManager.ConnectionList>(_ =>
        {
            if (_syncs.TryDequeue(out var sync))
            {
                sync.TrySetResult();
            }
        });
        Receive<Sync>(s =>
        {
            _syncs.Enqueue(s.Done);
            _manager.Tell(ConnectionManager.ListConnections.Instance, Self);
        });
        Receive<Terminated>(_ => Context.Stop(Self));
    }

    public static Props Props(IActorRef manager, string? connection, ChannelWriter<ConnectionNotification> writer, TaskCompletionSource ready, TaskCompletionSource stopped) =>
        Actors.Props.Create(() => new SubscriberActor(manager, connection, writer, ready, stopped));

    protected override void PreStart()
    {
        Context.Watch(_manager);
        _manager.Tell(new ConnectionManager.Subscribe(Self, _connection), Self);

        // The manager handles this sender's messages in order: the reply means the subscription is active.
        _manager.Tell(ConnectionManager.ListConnections.Instance, Self);
    }

    protected override void PostStop()
    {
        _manager.Tell(new ConnectionManager.Unsubscribe(Self), Self);
        while (_syncs.TryDequeue(out var sync))
        {
            sync.TrySetException(new InvalidOperationException("the subscription ended before the connection manager answered"));
        }

        _writer.TryComplete();
        _stopped.TrySetResult();
    }

    /// <summary>
    /// Completes <paramref name="Done"/> once everything the manager sent before it handles this round trip
    /// has been written to the channel.
    /// </summary>
    public sealed record Sync(TaskCompletionSource Done);
}
