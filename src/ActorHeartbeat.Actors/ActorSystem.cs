using ActorHeartbeat.Actors.Dispatch;
using ActorHeartbeat.Actors.Events;
using ActorHeartbeat.Actors.Internal;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors;

/// <summary>
/// A hierarchy of actors with its guardians, event stream, dead letters, scheduler and clock.
/// Actors run on the shared thread pool; the system owns no thread. Create with <see cref="Create"/>,
/// end with <see cref="Terminate"/> (or dispose), which stops every actor children-first and then
/// completes <see cref="WhenTerminated"/>.
/// </summary>
public sealed class ActorSystem : IDisposable, IAsyncDisposable
{
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _startTimestamp;
    private long _deadLetterCount;
    private long _tempCounter;
    private volatile bool _terminating;
    private volatile bool _isTerminated;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Throughput = settings.Throughput;
        TimeProvider = settings.TimeProvider;
        Executor = settings.Executor;
        if (settings.SharedTimerQueue ?? ReferenceEquals(settings.TimeProvider, TimeProvider.System))
        {
            TimerQueue = new TimerQueue(settings.TimeProvider, settings.SchedulerTickDuration);
        }

        _startTimestamp = TimeProvider.GetTimestamp();
        EventStream = new EventStream();
        var rootPath = ActorPath.Root(name);
        DeadLetters = new DeadLetterActorRef(this, rootPath.ChildUnchecked("deadLetters"));
        TempPath = rootPath.ChildUnchecked("temp");
        Scheduler = new Scheduler(this);
        _root = new ActorCell(this, Props.Create<RootGuardian>(), null, string.Empty, rootPath);
        _userGuardian = _root.SpawnChild(Props.Create<Guardian>(), "user", allowReservedName: true);
        SystemGuardian = _root.SpawnChild(Props.Create<Guardian>(), "system", allowReservedName: true);
        _root.ScheduleIfIdle();
    }

    /// <summary>The system's name, the first element of every path.</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The clock of every timer and deadline in the system.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The system-wide event stream.</summary>
    public EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go; each is counted and published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>The number of dead letters so far.</summary>
    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    /// <summary>Schedules messages to actors (for actor-owned timers use <see cref="Timers.IWithTimers"/>).</summary>
    public Scheduler Scheduler { get; }

    /// <summary>Completes when every actor has stopped after <see cref="Terminate"/>.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>True once termination has completed.</summary>
    public bool IsTerminated => _isTerminated;

    internal int Throughput { get; }

    internal IActorExecutor Executor { get; }

    /// <summary>The shared queue of actor timers; null when each actor timer has a clock timer of its own.</summary>
    internal TimerQueue? TimerQueue { get; }

    internal ActorCell SystemGuardian { get; }

    internal ActorPath TempPath { get; }

    /// <summary>Monotonic time since the system started.</summary>
    internal TimeSpan Elapsed => TimeProvider.GetElapsedTime(_startTimestamp);

    /// <summary>Creates and starts a system.</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="settings">Null for the defaults.</param>
    /// <exception cref="ArgumentException">When the name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a setting is out of range.</exception>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        settings ??= new ActorSystemSettings();
        settings.Validate();
        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>. See <see cref="IActorContext.ActorOf"/>.</summary>
    /// <exception cref="InvalidOperationException">When the system is terminating or terminated.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.SpawnChild(props, name, allowReservedName: false);

    /// <summary>Stops <paramref name="actor"/> asynchronously (the message it is processing is finished first).</summary>
    public void Stop(IActorRef actor) => ActorCell.StopAny(actor);

    /// <summary>
    /// Stops all actors — children before parents, each PostStop once — and completes
    /// <see cref="WhenTerminated"/>. Idempotent.
    /// </summary>
    public Task Terminate()
    {
        _terminating = true;
        _userGuardian.SendSystemMessage(new Terminate());
        return WhenTerminated;
    }

    /// <summary>Terminates and waits up to 30 s for the last actor to stop.</summary>
    public void Dispose()
    {
        if (!Terminate().Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"Actor system '{Name}' did not terminate within 30 s: an actor's PostStop is blocking.");
        }
    }

    /// <summary>Terminates and waits for the last actor to stop.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem[{Name}]";

    internal void EnsureRunning()
    {
        if (_terminating || _isTerminated)
        {
            throw new InvalidOperationException($"Actor system '{Name}' is terminating or terminated: no new actors can be created.");
        }
    }

    internal void EnsureNotTerminated(object message, IActorRef recipient)
    {
        if (_isTerminated)
        {
            throw new InvalidOperationException(
                $"Actor system '{Name}' is terminated: cannot deliver {message.GetType().Name} to {recipient.Path}.");
        }
    }

    internal ActorPath SystemPathFor(string name) => SystemGuardian.Path.ChildUnchecked(name);

    internal ActorPath NextTempPath() =>
        TempPath.ChildUnchecked("$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal void PublishDeadLetter(DeadLetter letter)
    {
        Interlocked.Increment(ref _deadLetterCount);
        if (letter.Sender is PromiseActorRef promise)
        {
            promise.DeliveryFailed(letter);
        }

        EventStream.Publish(letter);
    }

    internal void OnRootTerminated()
    {
        Scheduler.CancelAll();
        TimerQueue?.Dispose();
        _isTerminated = true;
        _terminated.TrySetResult();
    }
}
