using ActorHeartbeat.Actors.Internal;

namespace ActorHeartbeat.Actors;

/// <summary>Request/reply with actors from code that is not an actor.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and completes with the first reply.
    /// A <see cref="Status.Failure"/> reply fails the task with its cause.
    /// </summary>
    /// <param name="target">The actor to ask.</param>
    /// <param name="message">The question.</param>
    /// <param name="timeout">How long to wait (on the system's clock); null for <see cref="ActorSystemSettings.AskTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="AskTimeoutException">No reply within the timeout; the message names the target and the message type.</exception>
    /// <exception cref="AskDeliveryException">The target is stopped: the question went to dead letters (fails at once, without waiting for the timeout).</exception>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (target is not IInternalActorRef internalTarget)
        {
            throw new ArgumentException($"Cannot ask {target.Path}: it is not a ref of an ActorHeartbeat actor system.", nameof(target));
        }

        var system = internalTarget.System;
        var wait = timeout ?? system.Settings.AskTimeout;
        if (wait <= TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), wait, "Ask timeout must be positive or infinite.");
        }

        try
        {
            system.EnsureNotTerminated(message, target);
        }
        catch (InvalidOperationException e)
        {
            return Task.FromException<object>(e);
        }

        var promise = new PromiseActorRef(system, target, message.GetType(), wait, cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>As <see cref="Ask(IActorRef, object, TimeSpan?, CancellationToken)"/>, expecting a reply of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The reply is not a <typeparamref name="T"/>; the message names both types.</exception>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await Ask(target, message, timeout, cancellationToken).ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException($"Ask to {target.Path} expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}.");
    }
}
