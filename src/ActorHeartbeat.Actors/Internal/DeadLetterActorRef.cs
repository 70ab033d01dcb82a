using ActorHeartbeat.Actors.Events;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>The sink for undeliverable messages: counts and publishes each one.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public bool IsTerminated => true;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter letter)
        {
            System.PublishDeadLetter(letter);
        }
        else
        {
            System.PublishDeadLetter(new DeadLetter(message, sender, this));
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this));
        }
    }

    public override string ToString() => $"DeadLetters[{Path}]";
}
