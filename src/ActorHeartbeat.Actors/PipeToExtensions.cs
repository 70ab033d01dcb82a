namespace ActorHeartbeat.Actors;

/// <summary>
/// Brings the outcome of asynchronous work back into an actor as a message — the only way an actor
/// should consume a task, since its handler must not block or continue on another thread.
/// </summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> <c>success(result)</c>
    /// (default: the result itself, or <see cref="Status.Success"/> for null) or <c>failure(exception)</c>
    /// (default: <see cref="Status.Failure"/>). A mapper that throws turns into a <see cref="Status.Failure"/>
    /// of that exception. A cancelled task counts as a failure with <see cref="TaskCanceledException"/>.
    /// </summary>
    /// <returns>A task that completes once the message has been told.</returns>
    public static async Task PipeTo<T>(this Task<T> task, IActorRef recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            var result = await task.ConfigureAwait(false);
            message = success is null ? (object?)result ?? new Status.Success(null) : success(result) ?? new Status.Success(null);
        }
        catch (Exception e)
        {
            message = MapFailure(e, failure);
        }

        recipient.Tell(message, sender);
    }

    /// <summary>As the generic overload, for a task without a result: tells <c>success()</c> (default <see cref="Status.Success"/> with null) or the failure.</summary>
    /// <returns>A task that completes once the message has been told.</returns>
    public static async Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            await task.ConfigureAwait(false);
            message = success?.Invoke() ?? new Status.Success(null);
        }
        catch (Exception e)
        {
            message = MapFailure(e, failure);
        }

        recipient.Tell(message, sender);
    }

    private static object MapFailure(Exception e, Func<Exception, object>? failure)
    {
        if (failure is null)
        {
            return new Status.Failure(e);
        }

        try
        {
            return failure(e) ?? new Status.Failure(e);
        }
        catch (Exception mapperFailure)
        {
            return new Status.Failure(mapperFailure);
        }
    }
}
