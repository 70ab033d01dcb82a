using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors;

/// <summary>
/// The system-wide publish/subscribe channel: kernel events (<see cref="Events.DeadLetter"/>,
/// <see cref="Events.UnhandledMessage"/>, <see cref="Events.ActorFailure"/>) and any event an actor
/// publishes. A subscriber receives every event assignable to the channel type it subscribed with, as
/// an ordinary message, once per matching subscription. A subscriber that has stopped is removed.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private (IActorRef Subscriber, Type Channel)[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events of type <paramref name="channel"/> and its subtypes; false when already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (Array.IndexOf(_subscriptions, (subscriber, channel)) >= 0)
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, (subscriber, channel)];
            return true;
        }
    }

    /// <summary>Removes one subscription; false when there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return RemoveWhere(s => s.Subscriber.Equals(subscriber) && s.Channel == channel);
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>; false when there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return RemoveWhere(s => s.Subscriber.Equals(subscriber));
    }

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        foreach (var (subscriber, channel) in Volatile.Read(ref _subscriptions))
        {
            if (!channel.IsAssignableFrom(type))
            {
                continue;
            }

            if (subscriber is IInternalActorRef { IsTerminated: true })
            {
                Unsubscribe(subscriber);
                continue;
            }

            if (subscriber is ActorCell cell)
            {
                // Bypasses the terminated-system check: events raised during shutdown are not errors.
                cell.Enqueue(@event, null);
            }
            else
            {
                subscriber.Tell(@event);
            }
        }
    }

    private bool RemoveWhere(Func<(IActorRef Subscriber, Type Channel), bool> match)
    {
        lock (_gate)
        {
            var kept = Array.FindAll(_subscriptions, s => !match(s));
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }
}
