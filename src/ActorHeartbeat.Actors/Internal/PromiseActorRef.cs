using ActorHeartbeat.Actors.Events;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// The temporary sender of an Ask: completes the task with the first reply, fails it on timeout,
/// cancellation, a <see cref="Status.Failure"/> reply, or when the question went to dead letters.
/// </summary>
internal sealed class PromiseActorRef : IInternalActorRef
{
    private readonly TaskCompletionSource<object> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IActorRef _target;
    private readonly Type _messageType;
    private readonly TimeSpan _timeout;
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;
    private ActorPath? _path;

    public PromiseActorRef(ActorSystem system, IActorRef target, Type messageType, TimeSpan timeout, CancellationToken cancellationToken)
    {
        System = system;
        _target = target;
        _messageType = messageType;
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            using (ExecutionContext.SuppressFlow())
            {
                _timer = system.TimeProvider.CreateTimer(static s => ((PromiseActorRef)s!).TimedOut(), this, timeout, Timeout.InfiniteTimeSpan);
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(static s => ((PromiseActorRef)s!).Cancelled(), this);
        }
    }

    public Task<object> Task => _completion.Task;

    public ActorSystem System { get; }

    public ActorPath Path => _path ??= System.NextTempPath();

    public bool IsTerminated => _completion.Task.IsCompleted;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message is Status.Failure failure
            ? _completion.TrySetException(failure.Cause)
            : _completion.TrySetResult(message);
        if (completed)
        {
            Cleanup();
        }
        else
        {
            // A second reply, or a reply after the timeout: nobody waits for it any more.
            System.PublishDeadLetter(new DeadLetter(message, sender, this));
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && IsTerminated)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this));
        }
    }

    internal void DeliveryFailed(DeadLetter letter)
    {
        if (_completion.TrySetException(new AskDeliveryException(
                $"Ask to {_target.Path} failed: {letter.Message.GetType().Name} could not be delivered (the actor is stopped) and went to dead letters.")))
        {
            Cleanup();
        }
    }

    private void TimedOut()
    {
        if (_completion.TrySetException(new AskTimeoutException(
                $"Ask timed out on {_target.Path} after {_timeout.TotalMilliseconds:0.###} ms; message type {_messageType.FullName}.")))
        {
            Cleanup();
        }
    }

    private void Cancelled()
    {
        if (_completion.TrySetCanceled())
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _timer = null;
        _cancellation.Dispose();
    }
}
