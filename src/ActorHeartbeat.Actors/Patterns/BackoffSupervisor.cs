using ActorHeartbeat.Actors.Supervision;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Patterns;

/// <summary>
/// Supervises one child and restarts it with exponential backoff (see <see cref="BackoffOptions"/>).
/// Messages sent to the supervisor are forwarded to the current child (keeping their sender); while
/// the child is backing off they go to dead letters; messages the child sends to the supervisor go to
/// the supervisor's parent. After the allowed number of restarts the supervisor stops itself.
/// </summary>
public sealed class BackoffSupervisor : ReceiveActor, IWithTimers
{
    private const string StartChildKey = "start-child";
    private const string ResetKey = "reset-restart-count";

    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private bool _childFailed;

    private BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
        Receive<Terminated>(OnTerminated);
        Receive<StartChild>(_ => StartChildIfAbsent());
        Receive<ResetRestartCount>(r =>
        {
            if (r.RestartCount == _restartCount)
            {
                _restartCount = 0;
            }
        });
        Receive<Reset>(_ => _restartCount = 0);
        Receive<GetRestartCount>(_ => Sender.Tell(new RestartCount(_restartCount), Self));
        Receive<GetCurrentChild>(_ => Sender.Tell(new CurrentChild(_child), Self));
        ReceiveAny(Route);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a supervisor with <paramref name="options"/>.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <inheritdoc />
    protected override void PreStart() => StartChildIfAbsent();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        var directive = _options.Decider(cause);
        if (_options.Mode == BackoffMode.OnFailure && directive == Directive.Restart)
        {
            // The restart is ours to make, after the delay: stop the child now.
            _childFailed = true;
            return Directive.Stop;
        }

        return directive;
    });

    private void StartChildIfAbsent()
    {
        if (_child is not null)
        {
            return;
        }

        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.ResetAfter is { } resetAfter && _restartCount > 0)
        {
            Timers.StartSingleTimer(ResetKey, new ResetRestartCount(_restartCount), resetAfter);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!terminated.ActorRef.Equals(_child))
        {
            return;
        }

        _child = null;
        Timers.Cancel(ResetKey);
        var failed = _childFailed;
        _childFailed = false;
        if (_options.Mode == BackoffMode.OnFailure && !failed)
        {
            // A child that stops by itself is done, and so is its supervisor.
            Context.Stop(Self);
            return;
        }

        if (_options.MaxNrOfRetries >= 0 && _restartCount + 1 > _options.MaxNrOfRetries)
        {
            Context.Stop(Self);
            return;
        }

        var delay = _options.DelayFor(_restartCount, _options.Random.NextDouble());
        _restartCount++;
        Timers.StartSingleTimer(StartChildKey, StartChild.Instance, delay);
    }

    private void Route(object message)
    {
        if (_child is not null && _child.Equals(Sender))
        {
            Context.Parent.Tell(message, Self);
        }
        else if (_child is not null)
        {
            _child.Tell(message, Sender);
        }
        else
        {
            Context.System.DeadLetters.Tell(message, Sender);
        }
    }

    /// <summary>Asks for the current child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed record GetCurrentChild
    {
        /// <summary>The single instance.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The reply to <see cref="GetCurrentChild"/>.</summary>
    /// <param name="Ref">The child, or null while it is backing off.</param>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Asks for the restart count; answered with <see cref="RestartCount"/>.</summary>
    public sealed record GetRestartCount
    {
        /// <summary>The single instance.</summary>
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>The reply to <see cref="GetRestartCount"/>: restarts since the last reset.</summary>
    /// <param name="Count">The count.</param>
    public sealed record RestartCount(int Count);

    /// <summary>Resets the restart count to 0 (the next restart waits the minimum delay again).</summary>
    public sealed record Reset
    {
        /// <summary>The single instance.</summary>
        public static Reset Instance { get; } = new();
    }

    private sealed record StartChild
    {
        public static StartChild Instance { get; } = new();
    }

    /// <summary>Fires when a child stayed alive for the reset period; stale when a restart happened since.</summary>
    private sealed record ResetRestartCount(int RestartCount);
}
