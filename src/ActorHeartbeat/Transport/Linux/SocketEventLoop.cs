using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ActorHeartbeat.Actors.Dispatch;

namespace ActorHeartbeat.Transport.Linux;

/// <summary>
/// One thread that waits on epoll for every registered socket and runs their handlers, then the turns
/// of the actors those handlers woke (<see cref="LocalTurnQueue"/>): a message that arrives is read,
/// decoded and handled by its connection actor on this thread, without waking a pool thread for it.
/// Registrations are level-triggered, so a handler reads once per wake-up and anything left is
/// reported again. Its clock (<see cref="TimeProvider"/>) fires timers on the same thread: epoll
/// sleeps until the earliest is due. While busy, and in a burst of answers, the loop polls at most
/// once per coalescing interval, so that what arrives meanwhile is handled in one wake-up. Sockets may
/// be added, changed and removed from any thread (epoll_ctl is thread-safe); the handle that maps an
/// event back to its socket is freed on the loop thread after the batch in flight, so an event
/// already fetched for a removed socket still finds it (and it ignores it).
/// </summary>
internal sealed unsafe class SocketEventLoop : IDisposable
{
    /// <summary>The default least time between polls of a busy loop: 1 ms.</summary>
    public static readonly TimeSpan DefaultCoalescing = TimeSpan.FromMilliseconds(1);

    private const int BatchCapacity = 256;
    private const ulong WakeupData = 0;
    private static readonly Lazy<(SocketEventLoop? Loop, string? Failure)> SharedLoop =
        new(() => TryCreate(static () => new SocketEventLoop("actorheartbeat-io")));

    private readonly int _epoll;
    private readonly int _wakeup;
    private readonly int _pause;
    private readonly WakeCoalescer _coalescer;
    private readonly Thread _thread;
    private readonly ConcurrentQueue<Action> _work = new();
    private readonly LocalTurnQueue _turns = new();
    private readonly Lock _timersLock = new();
    private readonly PriorityQueue<(LoopTimer Timer, long Version), long> _timers = new();
    private readonly List<LoopTimer> _due = [];
    private long _sleepingUntil = long.MinValue;
    private int _wakeRequested;
    private volatile bool _stopping;

    /// <summary>Starts a loop on a background thread named <paramref name="name"/>.</summary>
    /// <param name="name">The thread's name.</param>
    /// <param name="coalescing">
    /// The least time between two polls of the sockets while the loop is busy (<see cref="DefaultCoalescing"/>
    /// by default, zero: none). A poll that would come sooner first waits out the rest, so that the
    /// messages arriving meanwhile are read in one wake-up instead of one wake-up each — the trade
    /// network cards make with interrupt moderation. A quiet loop is not delayed: the wait applies only
    /// while sockets become ready at a rate of several per interval, or twice within one interval
    /// (<see cref="WakeCoalescer"/>).
    /// </param>
    public SocketEventLoop(string name, TimeSpan? coalescing = null)
    {
        var coalesce = coalescing ?? DefaultCoalescing;
        ArgumentOutOfRangeException.ThrowIfLessThan(coalesce, TimeSpan.Zero, nameof(coalescing));
        if (!Epoll.IsSupported)
        {
            throw new PlatformNotSupportedException("The socket event loop needs Linux (epoll) in a 64-bit process.");
        }

        _epoll = _wakeup = _pause = -1;
        try
        {
            _epoll = Epoll.Create();
            _wakeup = Epoll.CreateWakeup();
            Epoll.Add(_epoll, _wakeup, Epoll.In, WakeupData);
            _pause = Epoll.Create();
            Epoll.Add(_pause, _wakeup, Epoll.In, WakeupData);
        }
        catch (IOException)
        {
            // The descriptors made before the refusal would leak in a process that falls back and goes on.
            foreach (var fd in (ReadOnlySpan<int>)[_epoll, _wakeup, _pause])
            {
                if (fd >= 0)
                {
                    Epoll.Close(fd);
                }
            }

            throw;
        }

        _coalescer = new WakeCoalescer(StopwatchTicks(coalesce), StopwatchTicks(TimeSpan.FromMilliseconds(100)));
        TimeProvider = new LoopTimeProvider(this);
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>
    /// The process's loop, started on first use and never stopped (like the runtime's own socket engine
    /// threads); null where it cannot run or could not be created (<see cref="SharedFailure"/> says why),
    /// and then for the life of the process: callers fall back to the runtime's socket engine and clock.
    /// </summary>
    public static SocketEventLoop? Shared => SharedLoop.Value.Loop;

    /// <summary>Why <see cref="Shared"/> is null; null while it is not.</summary>
    public static string? SharedFailure => SharedLoop.Value.Failure;

    /// <summary>A clock whose timers fire on this loop's thread.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>A buffer for one read on the loop thread; its content is only valid inside a handler.</summary>
    public byte[] ReadBuffer { get; } = new byte[64 * 1024];

    private bool IsLoopThread => Thread.CurrentThread == _thread;

    /// <summary>Registers <paramref name="fd"/> for <paramref name="events"/>; returns the registration to pass to the other calls.</summary>
    public ulong Register(int fd, ILoopSocket socket, uint events)
    {
        var handle = GCHandle.Alloc(socket);
        var registration = (ulong)GCHandle.ToIntPtr(handle);
        try
        {
            Epoll.Add(_epoll, fd, events, registration);
        }
        catch
        {
            handle.Free();
            throw;
        }

        return registration;
    }

    /// <summary>Changes the events watched for <paramref name="fd"/>.</summary>
    public void Change(int fd, ulong registration, uint events) => Epoll.Modify(_epoll, fd, events, registration);

    /// <summary>Stops watching <paramref name="fd"/> (call before closing it); the registration is freed after the batch in flight.</summary>
    public void Unregister(int fd, ulong registration)
    {
        Epoll.Delete(_epoll, fd);
        Post(() => GCHandle.FromIntPtr((nint)registration).Free());
    }

    /// <summary>Runs <paramref name="work"/> on the loop thread after the batch in flight.</summary>
    public void Post(Action work)
    {
        _work.Enqueue(work);
        Wake();
    }

    /// <summary>(Re)schedules <paramref name="timer"/>; false once it is disposed.</summary>
    internal bool Schedule(LoopTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool wake;
        lock (_timersLock)
        {
            if (timer.Disposed)
            {
                return false;
            }

            timer.Version++;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? 0 : Math.Max(1, StopwatchTicks(period));
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            var due = TimeProvider.System.GetTimestamp() + StopwatchTicks(dueTime);
            _timers.Enqueue((timer, timer.Version), due);
            wake = due < _sleepingUntil;
        }

        if (wake)
        {
            Wake();
        }

        return true;
    }

    /// <summary>Stops <paramref name="timer"/> for good.</summary>
    internal void Cancel(LoopTimer timer)
    {
        lock (_timersLock)
        {
            timer.Disposed = true;
            timer.Version++;
        }
    }

    /// <summary>Stops the thread (after the batch in flight) and closes the epoll descriptors. Registered sockets are not closed.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Epoll.Signal(_wakeup);
        if (!IsLoopThread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        _turns.Attach();
        var events = (byte*)NativeMemory.Alloc((nuint)(BatchCapacity * Epoll.EventSize));
        try
        {
            while (!_stopping)
            {
                var timeout = MillisecondsToNextTimer();
                var wait = _coalescer.WaitBeforePoll(TimeProvider.System.GetTimestamp());
                if (wait > 0)
                {
                    var micros = wait * 1_000_000 / TimeProvider.System.TimestampFrequency;
                    Epoll.WaitMicroseconds(_pause, events, 1, timeout >= 0 ? Math.Min(micros, timeout * 1000L) : micros);
                    timeout = 0;
                }

                var count = Epoll.Wait(_epoll, events, BatchCapacity, timeout);
                var polledAt = TimeProvider.System.GetTimestamp();
                lock (_timersLock)
                {
                    _sleepingUntil = long.MinValue;
                }

                var sockets = 0;
                for (var i = 0; i < count; i++)
                {
                    sockets += Dispatch(Epoll.DataAt(events, i), Epoll.EventsAt(events, i)) ? 1 : 0;
                }

                _coalescer.Polled(polledAt, sockets);

                FireDueTimers();

                while (_work.TryDequeue(out var work))
                {
                    work();
                }

                _turns.RunPending();
            }
        }
        finally
        {
            _turns.Detach();
            NativeMemory.Free(events);
            while (_work.TryDequeue(out var work))
            {
                work();
            }

            Epoll.Close(_wakeup);
            Epoll.Close(_pause);
            Epoll.Close(_epoll);
        }
    }

    /// <summary>
    /// Runs <paramref name="create"/> where the loop can run, and turns a refusal of the operating system
    /// (epoll or eventfd not created, for instance with no descriptors left) into a reason instead of an
    /// exception.
    /// </summary>
    internal static (SocketEventLoop? Loop, string? Failure) TryCreate(Func<SocketEventLoop> create)
    {
        if (!Epoll.IsSupported)
        {
            return (null, "the socket event loop needs Linux (epoll) in a 64-bit process");
        }

        try
        {
            return (create(), null);
        }
        catch (IOException e)
        {
            return (null, $"the socket event loop could not be created: {e.Message}");
        }
    }

    private static long StopwatchTicks(TimeSpan span) =>
        (long)Math.Ceiling(span.Ticks * (double)TimeProvider.System.TimestampFrequency / TimeSpan.TicksPerSecond);

    private void Wake()
    {
        if (Interlocked.Exchange(ref _wakeRequested, 1) == 0)
        {
            Epoll.Signal(_wakeup);
        }
    }

    /// <summary>The epoll timeout until the earliest live timer, rounded up (-1: none); records the wake-up time for <see cref="Schedule"/>.</summary>
    private int MillisecondsToNextTimer()
    {
        lock (_timersLock)
        {
            while (_timers.TryPeek(out var next, out var due))
            {
                if (next.Version != next.Timer.Version)
                {
                    _timers.Dequeue();
                    continue;
                }

                var now = TimeProvider.System.GetTimestamp();
                _sleepingUntil = due;
                var ticks = Math.Max(0, due - now);
                return (int)Math.Min(int.MaxValue, (ticks * 1000 + TimeProvider.System.TimestampFrequency - 1) / TimeProvider.System.TimestampFrequency);
            }

            _sleepingUntil = long.MaxValue;
            return -1;
        }
    }

    private void FireDueTimers()
    {
        lock (_timersLock)
        {
            var now = TimeProvider.System.GetTimestamp();
            while (_timers.TryPeek(out var next, out var due) && due <= now)
            {
                _timers.Dequeue();
                if (next.Version != next.Timer.Version)
                {
                    continue;
                }

                if (next.Timer.PeriodTicks > 0)
                {
                    _timers.Enqueue(next, Math.Max(due + next.Timer.PeriodTicks, now));
                }

                _due.Add(next.Timer);
            }
        }

        foreach (var timer in _due)
        {
            timer.Fire();
        }

        _due.Clear();
    }

    /// <summary>Runs the handler of the socket behind <paramref name="data"/>; false for the loop's own wake-up signal.</summary>
    private bool Dispatch(ulong data, uint events)
    {
        if (data == WakeupData)
        {
            // Cleared before draining: a post that lands after this point signals again.
            Volatile.Write(ref _wakeRequested, 0);
            Epoll.Drain(_wakeup);
            return false;
        }

        var socket = (ILoopSocket)GCHandle.FromIntPtr((nint)data).Target!;
        try
        {
            socket.OnEvents(events);
        }
        catch (Exception e)
        {
            socket.OnLoopFault(e);
        }

        return true;
    }
}
