using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>Creation, message invocation, failure, restart and termination.</summary>
internal sealed partial class ActorCell
{
    private void Create()
    {
        _state = StateRunning;
        try
        {
            _actor = NewActorInstance();
            _actor.InvokePreStart();
        }
        catch (Exception e)
        {
            HandleFailure(new ActorInitializationException(Path, $"{Path}: the actor failed to start: {e.Message}", e), null, "create");
        }
    }

    private void Invoke(in Envelope envelope)
    {
        var message = envelope.Message;
        _currentSender = envelope.Sender;
        try
        {
            if (message is IAutoReceivedMessage && !AutoReceive(ref message))
            {
                return;
            }

            var behaviors = _extras?.Behaviors;
            var handled = behaviors is { Count: > 0 } ? behaviors.Peek()(message) : _actor!.Receive(message);
            if (!handled)
            {
                _actor!.InvokeUnhandled(message);
            }
        }
        catch (Exception e)
        {
            HandleFailure(e, message, "receive");
        }
        finally
        {
            _currentSender = null;
        }
    }

    /// <summary>Interprets kernel messages; returns true when <paramref name="message"/> must go on to the behaviour.</summary>
    private bool AutoReceive(ref object message)
    {
        switch (message)
        {
            case TimerEntry entry:
                if (_extras?.Timers is not { } timers || !timers.TryConsume(entry))
                {
                    return false;
                }

                message = entry.Message;
                _currentSender = null;
                return true;
            case Terminated terminated:
                return StopWatching(terminated.ActorRef);
            case PoisonPill:
                SendSystemMessage(new Terminate());
                return false;
            case Kill:
                throw new ActorKilledException($"{Path} received Kill.");
            default:
                return true;
        }
    }

    /// <summary>Suspends this actor and asks its parent what to do.</summary>
    private void HandleFailure(Exception cause, object? message, string stage)
    {
        ReportFailure(cause, stage);
        if (_state is StateTerminating or StateDead)
        {
            return;
        }

        if (_parent is null)
        {
            BeginTerminate();
            return;
        }

        _state = StateSuspended;
        Extras.FailedMessage = message;
        _parent.SendSystemMessage(new Failed(this, cause));
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                HandleChildFailed(failed);
                break;
            case ChildTerminated childTerminated:
                HandleChildTerminated(childTerminated.Child);
                break;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification.Actor);
                break;
            case Watch watch:
                HandleWatch(watch.Watcher);
                break;
            case Unwatch unwatch:
                _extras?.WatchedBy?.Remove(unwatch.Watcher);
                break;
            case Terminate:
                BeginTerminate();
                break;
            case Recreate recreate when _state == StateSuspended:
                Restart(recreate.Cause);
                break;
            case Resume when _state == StateSuspended:
                if (_actor is null)
                {
                    // Nothing to resume when the failure was in the constructor: create it again (as Akka does).
                    FinishRecreate(new ActorInitializationException(Path, $"{Path}: resumed after failing to start", null));
                }
                else
                {
                    _state = StateRunning;
                    Extras.FailedMessage = null;
                }

                break;
        }
    }

    private void Restart(Exception cause)
    {
        var failed = _actor;
        _extras?.Timers?.CancelAll();
        if (failed is not null)
        {
            try
            {
                failed.InvokePreRestart(cause, _extras?.FailedMessage);
            }
            catch (Exception e)
            {
                ReportFailure(e, "pre-restart");
            }
        }

        _extras?.Behaviors?.Clear();
        if (_children is { HasStopping: true })
        {
            _state = StateRestarting;
            Extras.PendingRestartCause = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _state = StateRunning;
        if (_extras is { } extras)
        {
            extras.FailedMessage = null;
            extras.PendingRestartCause = null;
        }

        try
        {
            _actor = NewActorInstance();
            _actor.InvokePostRestart(cause);
        }
        catch (Exception e)
        {
            HandleFailure(new ActorInitializationException(Path, $"{Path}: the actor failed to restart: {e.Message}", e), null, "restart");
        }
    }

    private void BeginTerminate()
    {
        if (_state is StateTerminating or StateDead)
        {
            return;
        }

        _state = StateTerminating;
        _extras?.Timers?.CancelAll();
        if (_children is { } children)
        {
            foreach (var child in children.StopAllAndClose())
            {
                child.SendSystemMessage(new Terminate());
            }

            if (children.Count > 0)
            {
                return;
            }
        }

        FinishTerminate();
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception e)
            {
                ReportFailure(e, "post-stop");
            }
        }

        _actor = null;
        Volatile.Write(ref _state, StateDead);
        _extras?.Timers?.CancelAll();
        NotifyWatchers();
        if (_parent is not null)
        {
            _parent.SendSystemMessage(new ChildTerminated(this));
        }
        else
        {
            _system.OnRootTerminated();
        }
    }
}
