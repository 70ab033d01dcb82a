using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Connections;

/// <summary>
/// Brings I/O results back into an actor (as PipeTo does) until the actor closes the gate: results
/// that arrive later — a receive that fails because the actor aborted its own socket — are expected
/// and dropped here instead of becoming dead letters. An operation that already completed successfully
/// is delivered at once, without a task. Used by the connection actor and the server's session actor.
/// </summary>
public sealed class IOGate
{
    private volatile bool _closed;

    /// <summary>Whether <see cref="Close"/> was called; nothing is delivered after that.</summary>
    public bool IsClosed => _closed;

    /// <summary>Stops delivering results (for good); call it before aborting the socket whose operations are in flight.</summary>
    public void Close() => _closed = true;

    /// <summary>Tells <paramref name="self"/> the message <paramref name="success"/> makes of the result, or the one <paramref name="failure"/> makes of the exception, unless the gate closed first.</summary>
    public void Pipe<T>(ValueTask<T> operation, IActorRef self, Func<T, object> success, Func<Exception, object> failure)
    {
        if (operation.IsCompletedSuccessfully)
        {
            Deliver(self, success(operation.Result));
            return;
        }

        _ = Await(operation.AsTask(), self, success, failure);
    }

    /// <summary>Tells <paramref name="self"/> <paramref name="success"/> when the operation completes, or the message <paramref name="failure"/> makes of its exception, unless the gate closed first.</summary>
    public void Pipe(ValueTask operation, IActorRef self, object success, Func<Exception, object> failure)
    {
        if (operation.IsCompletedSuccessfully)
        {
            Deliver(self, success);
            return;
        }

        _ = Await(operation.AsTask(), self, success, failure);
    }

    private async Task Await<T>(Task<T> task, IActorRef self, Func<T, object> success, Func<Exception, object> failure)
    {
        object message;
        try
        {
            message = success(await task.ConfigureAwait(false));
        }
        catch (Exception e)
        {
            message = failure(e);
        }

        Deliver(self, message);
    }

    private async Task Await(Task task, IActorRef self, object success, Func<Exception, object> failure)
    {
        object message;
        try
        {
            await task.ConfigureAwait(false);
            message = success;
        }
        catch (Exception e)
        {
            message = failure(e);
        }

        Deliver(self, message);
    }

    private void Deliver(IActorRef self, object message)
    {
        if (!_closed)
        {
            self.Tell(message, self);
        }
    }
}
