namespace ActorHeartbeat.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers, registered in the constructor (or inside
/// <see cref="Become"/> / <see cref="BecomeStacked"/>). For each message the first handler whose type
/// matches and whose predicate (if any) accepts the message handles it; when none does,
/// <see cref="ActorBase.Unhandled"/> is called.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private Handler[] _handlers = [];
    private int _count;
    private bool _configuring = true;
    private Stack<(Handler[] Handlers, int Count)>? _stack;

    /// <summary>Handles messages of type <typeparamref name="T"/> (optionally only those <paramref name="shouldHandle"/> accepts).</summary>
    /// <exception cref="InvalidOperationException">When called outside the constructor or a Become configuration.</exception>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that <paramref name="shouldHandle"/> accepts.</summary>
    /// <exception cref="InvalidOperationException">When called outside the constructor or a Become configuration.</exception>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    /// <exception cref="InvalidOperationException">When called outside the constructor or a Become configuration.</exception>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new FuncHandler<T>(handler));
    }

    /// <summary>Handles every message that no earlier handler took.</summary>
    /// <exception cref="InvalidOperationException">When called outside the constructor or a Become configuration.</exception>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new ActionHandler<object>(handler, null));
    }

    /// <summary>Replaces the handlers with those <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Configure(configure);
    }

    /// <summary>Pushes the handlers <paramref name="configure"/> registers; <see cref="UnbecomeStacked"/> returns to the current ones.</summary>
    protected void BecomeStacked(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        (_stack ??= new Stack<(Handler[], int)>()).Push((_handlers, _count));
        Configure(configure);
    }

    /// <summary>Returns to the handlers that were current before the last <see cref="BecomeStacked"/>; no effect at the bottom.</summary>
    protected void UnbecomeStacked()
    {
        if (_stack is { Count: > 0 })
        {
            (_handlers, _count) = _stack.Pop();
        }
    }

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        var handlers = _handlers;
        for (var i = 0; i < _count; i++)
        {
            if (handlers[i].TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }

    internal override void AfterConstruction() => _configuring = false;

    private void Configure(Action configure)
    {
        var wasConfiguring = _configuring;
        _handlers = [];
        _count = 0;
        _configuring = true;
        try
        {
            configure();
        }
        finally
        {
            _configuring = wasConfiguring;
        }
    }

    private void Add(Handler handler)
    {
        if (!_configuring)
        {
            throw new InvalidOperationException(
                $"{GetType().Name}: Receive handlers can only be registered in the constructor or inside Become/BecomeStacked.");
        }

        if (_count == _handlers.Length)
        {
            Array.Resize(ref _handlers, _count == 0 ? 1 : _count * 2);
        }

        _handlers[_count++] = handler;
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class ActionHandler<T>(Action<T> action, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                action(typed);
                return true;
            }

            return false;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : Handler
    {
        public override bool TryHandle(object message) => message is T typed && handler(typed);
    }
}
