using System.Runtime.CompilerServices;
using ActorHeartbeat.Actors.Dispatch;
using ActorHeartbeat.Actors.Events;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// The mailbox: two lock-free stacks (ordinary and system messages) that producers push onto, and a
/// private FIFO list that the running turn refills by taking a whole stack at once and reversing it.
/// A scheduled flag makes sure at most one turn runs at a time; a turn processes all system
/// messages and up to <see cref="ActorSystemSettings.Throughput"/> ordinary messages, then yields.
/// An empty mailbox holds no queue object at all.
/// </summary>
internal sealed partial class ActorCell
{
    private const int MaxHandoffs = 64;

    [ThreadStatic]
    private static ActorCell? t_handoff;

    private MailboxNode? _userTop;
    private MailboxNode? _systemTop;
    private MailboxNode? _pendingHead;
    private int _scheduled;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _system.EnsureNotTerminated(message, this);
        Enqueue(new Envelope(message, sender));
    }

    /// <summary>Enqueues without the terminated-system check (timers and internal notifications).</summary>
    internal void Enqueue(Envelope envelope)
    {
        MailboxNode.Push(ref _userTop, envelope);
        ScheduleIfIdle();
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
        return state is StateRunning or StateDead && (_pendingHead is not null || Volatile.Read(ref _userTop) is not null);
    }

    private void ProcessMessages()
    {
        var throughput = _system.Throughput;
        for (var n = 0; n < throughput; n++)
        {
            var node = _pendingHead ?? TakeBatch();
            if (node is null)
            {
                return;
            }

            _pendingHead = node.Next;
            node.Next = null;
            Invoke(Unsafe.As<Envelope>(node));

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

    /// <summary>Takes everything pushed so far, oldest first. Only called when the private list is empty.</summary>
    private MailboxNode? TakeBatch() => _pendingHead = MailboxNode.TakeAll(ref _userTop);

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
        while (true)
        {
            var node = _pendingHead ?? TakeBatch();
            if (node is null)
            {
                return;
            }

            _pendingHead = node.Next;
            node.Next = null;
            var envelope = Unsafe.As<Envelope>(node);
            if (envelope.Message is not IAutoReceivedMessage || envelope.Message is PoisonPill or Kill)
            {
                _system.PublishDeadLetter(new DeadLetter(envelope.Message, envelope.Sender, this));
            }
        }
    }
}
