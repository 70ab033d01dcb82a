using ActorHeartbeat.Actors.Events;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// One actor: its ref, its mailbox and its context in a single object, so that an idle actor costs
/// one small object plus its instance. The actor instance changes on restart; the cell does not.
/// </summary>
internal sealed partial class ActorCell : IInternalActorRef, IActorContext, IThreadPoolWorkItem
{
    private const int StateNew = 0;
    private const int StateRunning = 1;
    private const int StateSuspended = 2;
    private const int StateRestarting = 3;
    private const int StateTerminating = 4;
    private const int StateDead = 5;

    [ThreadStatic]
    private static ActorCell? t_current;

    [ThreadStatic]
    private static ActorCell? t_constructing;

    private readonly ActorSystem _system;
    private readonly Props _props;
    private readonly ActorCell? _parent;
    private readonly string _name;
    private ActorPath? _path;
    private ActorBase? _actor;
    private IActorRef? _currentSender;
    private ChildrenContainer? _children;
    private CellExtras? _extras;
    private int _state;

    internal ActorCell(ActorSystem system, Props props, ActorCell? parent, string name, ActorPath? path = null)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _name = name;
        _path = path;
    }

    /// <summary>The cell whose turn runs on this thread, if any.</summary>
    internal static ActorCell? Current => t_current;

    public string Name => _name;

    public ActorPath Path => _path ??= _parent!.Path.ChildUnchecked(_name);

    public ActorSystem System => _system;

    public bool IsTerminated => Volatile.Read(ref _state) == StateDead;

    public IActorRef Self => this;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    internal IActorRef? CurrentSender => _currentSender;

    public IActorRef Parent => (IActorRef?)_parent ?? _system.DeadLetters;

    internal ActorBase? Actor => _actor;

    internal ITimerScheduler Timers => Extras.Timers ??= new TimerScheduler(this);

    private CellExtras Extras => _extras ??= new CellExtras();

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var stack = Extras.Behaviors ??= new Stack<Receive>();
        if (stack.Count > 0)
        {
            stack.Pop();
        }

        stack.Push(receive);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.Behaviors ??= new Stack<Receive>()).Push(receive);
    }

    public void UnbecomeStacked()
    {
        if (_extras?.Behaviors is { Count: > 0 } stack)
        {
            stack.Pop();
        }
    }

    /// <summary>Called from <see cref="ActorBase"/>'s constructor: binds the instance being created to this cell.</summary>
    internal static ActorCell ClaimForConstruction(Type actorType)
    {
        var cell = t_constructing ?? throw new InvalidOperationException(
            $"{actorType.Name} must be created by the actor system through Props (ActorOf), not with 'new'.");
        t_constructing = null;
        return cell;
    }

    private ActorBase NewActorInstance()
    {
        t_constructing = this;
        try
        {
            var actor = _props.NewActor();
            if (!ReferenceEquals(actor.Cell, this))
            {
                throw new InvalidOperationException($"The Props factory for {_props.ActorType.Name} returned an actor that it did not create.");
            }

            actor.AfterConstruction();
            if (actor is IWithTimers withTimers)
            {
                withTimers.Timers = Timers;
            }

            return actor;
        }
        finally
        {
            t_constructing = null;
        }
    }

    private void Publish(object @event) => _system.EventStream.Publish(@event);

    private void ReportFailure(Exception cause, string stage) => Publish(new ActorFailure(this, cause, stage));

    public override string ToString() => $"Actor[{Path}]";
}
