using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Server.Sessions;

/// <summary>
/// Brings the results of socket operations back into the session actor (as PipeTo does) until the
/// actor closes the gate: results that arrive later — a receive failing because the actor aborted its
/// own socket — are expected and dropped here instead of becoming dead letters. A result that is
/// already there is delivered at once.
/// </summary>
internal sealed class ResultGate
{
    private volatile bool _closed;

    public bool IsClosed => _closed;

    public void Close() => _closed = true;

    public void Pipe<T>(ValueTask<T> operation, IActorRef self, Func<T, object> success, Func<Exception, object> failure)
    {
        if (operation.IsCompletedSuccessfully)
        {
            Deliver(self, success(operation.Result));
            return;
        }

        _ = AwaitAsync(operation.AsTask(), self, success, failure);
    }

    public void Pipe(Task operation, IActorRef self, object success, Func<Exception, object> failure)
    {
        if (operation.IsCompletedSuccessfully)
        {
            Deliver(self, success);
            return;
        }

        _ = AwaitAsync(operation, self, success, failure);
    }

    private async Task AwaitAsync<T>(Task<T> task, IActorRef self, Func<T, object> success, Func<Exception, object> failure)
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

    private async Task AwaitAsync(Task task, IActorRef self, object success, Func<Exception, object> failure)
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
