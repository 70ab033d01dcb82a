using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Internal;
using Xunit.Sdk;

namespace ActorHeartbeat.TestKit;

/// <summary>
/// A ref that records what it receives, for assertions (Akka.TestKit's <c>TestProbe</c>). Expectations
/// wait in real time, up to a timeout (default 3 s), for the next message; a failure says what was
/// expected and what arrived. <see cref="ExpectNoMsg()"/> without a duration waits until the actor
/// system is idle instead, which is exact and fast under virtual time.
/// </summary>
public sealed class TestProbe : IInternalActorRef
{
    private readonly object _gate = new();
    private readonly Queue<(object Message, IActorRef? Sender)> _queue = new();
    private readonly HashSet<IActorRef> _watching = [];
    private readonly Func<TimeSpan, bool> _waitForIdle;

    internal TestProbe(ActorSystem system, string name, TimeSpan defaultTimeout, Func<TimeSpan, bool> waitForIdle)
    {
        System = system;
        Path = system.SystemPathFor(name);
        DefaultTimeout = defaultTimeout;
        _waitForIdle = waitForIdle;
    }

    /// <summary>The probe as a ref to hand to actors.</summary>
    public IActorRef Ref => this;

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <summary>The system the probe belongs to.</summary>
    public ActorSystem System { get; }

    /// <summary>How long expectations wait when given no timeout.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>The sender of the last message taken by an expectation.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>The last message taken by an expectation.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Messages received and not yet taken.</summary>
    public int MessageCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    bool IInternalActorRef.IsTerminated => false;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _queue.Enqueue((message, sender));
            Monitor.PulseAll(_gate);
        }
    }

    void IInternalActorRef.SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            lock (_gate)
            {
                if (!_watching.Remove(notification.Actor))
                {
                    return;
                }
            }

            Tell(new Terminated(notification.Actor), notification.Actor);
        }
    }

    /// <summary>Watches <paramref name="actor"/>: its termination arrives as <see cref="Terminated"/>.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not IInternalActorRef target)
        {
            throw new ArgumentException($"Cannot watch {actor.Path}: not a ref of an ActorHeartbeat system.", nameof(actor));
        }

        lock (_gate)
        {
            _watching.Add(actor);
        }

        target.SendSystemMessage(new Watch(this));
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        lock (_gate)
        {
            _watching.Remove(actor);
        }

        (actor as IInternalActorRef)?.SendSystemMessage(new Unwatch(this));
        return actor;
    }

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, this);
    }

    /// <summary>Replies to <see cref="LastSender"/> with this probe as sender.</summary>
    /// <exception cref="InvalidOperationException">When no message with a sender was taken yet.</exception>
    public void Reply(object message)
    {
        var to = LastSender ?? throw new InvalidOperationException("Reply: the last message taken had no sender (or none was taken).");
        to.Tell(message, this);
    }

    /// <summary>Forwards the last message taken to <paramref name="target"/>, keeping its original sender.</summary>
    /// <exception cref="InvalidOperationException">When no message was taken yet.</exception>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var message = LastMessage ?? throw new InvalidOperationException("Forward: no message was taken yet.");
        target.Tell(message, LastSender);
    }

    /// <summary>Takes the next message and asserts it is a <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(static _ => true, timeout, string.Empty);

    /// <summary>Takes the next message and asserts it equals <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull =>
        ExpectMsg<T>(m => EqualityComparer<T>.Default.Equals(m, expected), timeout, $"equal to {expected}");

    /// <summary>Takes the next message and asserts it is a <typeparamref name="T"/> that <paramref name="predicate"/> accepts.</summary>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var what = description switch
        {
            null => $"a {typeof(T).Name} matching the predicate",
            "" => $"a {typeof(T).Name}",
            _ => $"a {typeof(T).Name} {description}",
        };
        var (message, sender) = Take(timeout, $"ExpectMsg: expected {what}");
        if (message is T typed && predicate(typed))
        {
            return typed;
        }

        throw new XunitException($"ExpectMsg: expected {what}, but got {Describe(message, sender)}.");
    }

    /// <summary>Asserts that nothing arrives until the actor system is idle (exact under virtual time).</summary>
    public void ExpectNoMsg()
    {
        if (!_waitForIdle(DefaultTimeout))
        {
            throw new XunitException($"ExpectNoMsg: the actor system did not become idle within {DefaultTimeout.TotalMilliseconds:0} ms.");
        }

        AssertEmpty("ExpectNoMsg");
    }

    /// <summary>Asserts that nothing arrives during <paramref name="duration"/> of real time.</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        lock (_gate)
        {
            var deadline = Environment.TickCount64 + (long)duration.TotalMilliseconds;
            while (_queue.Count == 0)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return;
                }

                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(remaining));
            }
        }

        AssertEmpty($"ExpectNoMsg({duration.TotalMilliseconds:0} ms)");
    }

    /// <summary>Takes the next message and asserts it is the <see cref="Terminated"/> of <paramref name="actor"/> (watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(actor), timeout, $"for {actor.Path}");

    /// <summary>Takes messages until one is a <typeparamref name="T"/> that <paramref name="isTarget"/> accepts, and returns it; others are dropped.</summary>
    public T FishForMessage<T>(Predicate<T> isTarget, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var skipped = new List<string>();
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        while (true)
        {
            var remaining = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            var (message, sender) = Take(remaining, $"FishForMessage: expected a {typeof(T).Name} matching the predicate; skipped [{string.Join(", ", skipped)}]");
            if (message is T typed && isTarget(typed))
            {
                return typed;
            }

            skipped.Add(Describe(message, sender));
        }
    }

    /// <summary>Takes the next <paramref name="count"/> messages.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var received = new List<object>(count);
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        while (received.Count < count)
        {
            var remaining = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            received.Add(Take(remaining, $"ReceiveN({count}): got only {received.Count}").Message);
        }

        return received;
    }

    /// <inheritdoc />
    public override string ToString() => $"TestProbe[{Path}]";

    private (object Message, IActorRef? Sender) Take(TimeSpan? timeout, string expectation)
    {
        var wait = timeout ?? DefaultTimeout;
        lock (_gate)
        {
            var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
            while (_queue.Count == 0)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    throw new XunitException($"{expectation}, but nothing arrived within {wait.TotalMilliseconds:0} ms.");
                }

                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(remaining));
            }

            var taken = _queue.Dequeue();
            LastMessage = taken.Message;
            LastSender = taken.Sender;
            return taken;
        }
    }

    private void AssertEmpty(string what)
    {
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                var (message, sender) = _queue.Peek();
                throw new XunitException($"{what}: expected no message, but got {Describe(message, sender)} ({_queue.Count} waiting).");
            }
        }
    }

    private static string Describe(object message, IActorRef? sender) =>
        $"{message.GetType().Name} {message} from {sender?.Path.ToString() ?? "no sender"}";
}
