using System.Runtime.CompilerServices;
using ActorHeartbeat.Actors.Dispatch;
using ActorHeartbeat.Actors.Events;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// The mailbox: ordinary messages go by value (no allocation per message) into a small growing ring
/// (<see cref="MessageQueue"/>), created on the first message so an actor that never receives one holds
/// no queue; system messages go onto a lock-free stack of their own nodes, which the running turn takes
/// whole and reverses. A scheduled flag makes sure at most one turn runs at a time; a turn processes
/// all system messages and up to <see cref="ActorSystemSettings.Throughput"/> ordinary messages,
/// then yields.
/// </summary>
internal sealed partial class ActorCell
{
    private const int MaxHandoffs = 64;

    [ThreadStatic]
    private static ActorCell? t_handoff;

    private MessageQueue? _userQueue;
    private MailboxNode? _systemTop;
    private int _scheduled;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _system.EnsureNotTerminated(message, this);
        Enqueue(message, sender);
    }

    /// <summary>Enqueues without the terminated-system check (timers and internal notifications).</summary>
    internal void Enqueue(object message, IActorRef? sender)
    {
        (Volatile.Read(ref _userQueue) ?? CreateUserQueue()).Enqueue(new Envelope(message, sender));
        ScheduleIfIdle();
    }

    /// <summary>Messages waiting in the ordinary queue (a snapshot; for tests and diagnostics).</summary>
    internal int PendingMessageCount => Volatile.Read(ref _userQueue)?.Count ?? 0;

    /// <summary>Whether the ordinary queue exists yet (it is created by the first message).</summary>
    internal bool HasMessageQueue => Volatile.Read(ref _userQueue) is not null;

    private MessageQueue CreateUserQueue()
    {
        var queue = new MessageQueue();
        return Interlocked.CompareExchange(ref _userQueue, queue, null) ?? queue;
    }

    public void SendSystemMessage(SystemMessage message)
    {
        MailboxNode.Push(ref _systemTop, message);
        ScheduleIfIdle();
    }

    internal void ScheduleIfIdle()
    {
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            if (TryJoinWakeBatch())
            {
                return;
            }

            if (LocalTurnQueue.Current is { } local && _system.Executor is ThreadPoolExecutor)
            {
                local.Add(this);
                return;
            }

            if (t_current is not null && _system.Executor is ThreadPoolExecutor && Thread.CurrentThread.IsThreadPoolThread)
            {
                // Woken from inside a turn on a pool thread: run right after that turn on this thread
                // instead of queueing a work item. One slot; an earlier occupant goes to the pool.
                var earlier = t_handoff;
                t_handoff = this;
                if (earlier is not null)
                {
                    earlier._system.Executor.Schedule(earlier);
                }
            }
            else
            {
                _system.Executor.Schedule(this);
            }
        }
    }

    /// <summary>
    /// A work item: this actor's turn, then the turns handed off to this thread by the turns before
    /// (at most <see cref="MaxHandoffs"/>, then the next one goes to the pool's global queue so other
    /// queued work gets its share).
    /// </summary>
    public void Execute()
    {
        var cell = this;
        for (var handoffs = 0; ; handoffs++)
        {
            cell.RunTurn();
            var next = t_handoff;
            if (next is null)
            {
                return;
            }

            t_handoff = null;
            if (handoffs == MaxHandoffs)
            {
                ThreadPool.UnsafeQueueUserWorkItem(next, preferLocal: false);
                return;
            }

            cell = next;
        }
    }

    /// <summary>One turn of the actor.</summary>
    private void RunTurn()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            if (_state == StateNew)
            {
                Create();
            }

            if (Volatile.Read(ref _systemTop) is not null)
            {
                ProcessSystemMessages();
            }

            if (_state == StateRunning)
            {
                ProcessMessages();
            }

            if (_state == StateDead)
            {
                DrainToDeadLetters();
            }
        }
        catch (Exception e)
        {
            // Handlers catch user exceptions themselves; this keeps a kernel bug from killing the process.
            ReportFailure(e, "kernel");
        }
        finally
        {
            t_current = previous;
        }

        // Full fence between releasing the flag and re-checking the queues, paired with the producers'
        // CAS before they read the flag: either they see 0 and schedule, or we see their message.
        Interlocked.Exchange(ref _scheduled, 0);
        if (HasWork())
        {
            ScheduleIfIdle();
        }
    }

    private bool HasWork()
    {
        if (Volatile.Read(ref _systemTop) is not null)
        {
            return true;
        }

        var state = Volatile.Read(ref _state);
        return state is StateRunning or StateDead && Volatile.Read(ref _userQueue) is { IsEmpty: false };
    }

    private void ProcessMessages()
    {
        if (Volatile.Read(ref _userQueue) is not { } queue)
        {
            return;
        }

        var throughput = _system.Throughput;
        for (var n = 0; n < throughput; n++)
        {
            if (!queue.TryDequeue(out var envelope))
            {
                return;
            }

            Invoke(envelope);

            if (Volatile.Read(ref _systemTop) is not null)
            {
                ProcessSystemMessages();
            }

            if (_state != StateRunning)
            {
                return;
            }
        }
    }

    private void ProcessSystemMessages()
    {
        while (MailboxNode.TakeAll(ref _systemTop) is { } head)
        {
            for (var node = head; node is not null;)
            {
                var next = node.Next;
                node.Next = null;
                HandleSystemMessage(Unsafe.As<SystemMessage>(node));
                node = next;
            }
        }
    }

    private void DrainToDeadLetters()
    {
        if (Volatile.Read(ref _userQueue) is not { } queue)
        {
            return;
        }

        while (queue.TryDequeue(out var envelope))
        {
            if (envelope.Message is not IAutoReceivedMessage || envelope.Message is PoisonPill or Kill)
            {
                _system.PublishDeadLetter(new DeadLetter(envelope.Message, envelope.Sender, this));
            }
        }
    }
}
