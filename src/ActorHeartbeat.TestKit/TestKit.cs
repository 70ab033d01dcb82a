using ActorHeartbeat.Actors;

namespace ActorHeartbeat.TestKit;

/// <summary>
/// Base class for actor tests (xunit; our stand-in for Akka.TestKit.Xunit2). Each test gets a fresh
/// <see cref="ActorSystem"/> running on virtual time (<see cref="Time"/>) unless real time is asked
/// for, a default probe <see cref="TestActor"/>, and the system is terminated after the test.
/// </summary>
public abstract class TestKit : IDisposable
{
    private static int s_systemCounter;
    private readonly QuiescenceTracker _tracker = new();
    private int _probeCounter;
    private bool _disposed;

    /// <summary>Creates the kit.</summary>
    /// <param name="useVirtualTime">True (default): the system's clock is <see cref="Time"/>. False: real time.</param>
    /// <param name="throughput">Messages per actor turn.</param>
    protected TestKit(bool useVirtualTime = true, int throughput = 100)
    {
        Time = new ManualTimeProvider();
        if (useVirtualTime)
        {
            Time.AfterCallback = () => WaitForIdle();
        }

        Sys = ActorSystem.Create(
            $"test-{Interlocked.Increment(ref s_systemCounter)}",
            new ActorSystemSettings
            {
                TimeProvider = useVirtualTime ? Time : TimeProvider.System,
                Throughput = throughput,
                Executor = _tracker,
            });
        TestActor = CreateTestProbe("testActor");
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The virtual clock (the system's clock unless real time was chosen).</summary>
    public ManualTimeProvider Time { get; }

    /// <summary>The default probe; the <c>Expect*</c> methods of the kit read from it.</summary>
    public TestProbe TestActor { get; }

    /// <summary>How long expectations wait for a message by default (real time).</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Creates another probe.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"probe-{Interlocked.Increment(ref _probeCounter)}", DefaultTimeout, _tracker.WaitForIdle);

    /// <summary>Moves virtual time forward, firing due timers in order and letting actors settle after each.</summary>
    public void Advance(TimeSpan duration)
    {
        // What the test just did settles before time moves.
        WaitForIdle();
        Time.Advance(duration);
        WaitForIdle();
    }

    /// <summary>Waits until no actor has work queued or running.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">When the system is still busy after <paramref name="timeout"/> (default 3 s, real time).</exception>
    public bool WaitForIdle(TimeSpan? timeout = null)
    {
        var wait = timeout ?? DefaultTimeout;
        return _tracker.WaitForIdle(wait)
            ? true
            : throw new Xunit.Sdk.XunitException($"The actor system did not become idle within {wait.TotalMilliseconds:0} ms (an actor is busy or keeps messaging).");
    }

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(TimeSpan?)"/>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => TestActor.ExpectMsg<T>(timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull => TestActor.ExpectMsg(expected, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Predicate{T}, TimeSpan?, string?)"/>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => TestActor.ExpectMsg<T>(predicate, timeout, null);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg()"/>
    public void ExpectNoMsg() => TestActor.ExpectNoMsg();

    /// <inheritdoc cref="TestProbe.ExpectNoMsg(TimeSpan)"/>
    public void ExpectNoMsg(TimeSpan duration) => TestActor.ExpectNoMsg(duration);

    /// <inheritdoc cref="TestProbe.ExpectTerminated"/>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) => TestActor.ExpectTerminated(actor, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessage{T}"/>
    public T FishForMessage<T>(Predicate<T> isTarget, TimeSpan? timeout = null) => TestActor.FishForMessage(isTarget, timeout);

    /// <inheritdoc cref="TestProbe.ReceiveN"/>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => TestActor.ReceiveN(count, timeout);

    /// <summary>Watches <paramref name="actor"/> with <see cref="TestActor"/>.</summary>
    public IActorRef Watch(IActorRef actor) => TestActor.Watch(actor);

    /// <summary>
    /// Runs <paramref name="action"/> and asserts that it took between <paramref name="min"/> and
    /// <paramref name="max"/> on the system's clock (virtual time unless real time was chosen).
    /// </summary>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var clock = Sys.TimeProvider;
        var start = clock.GetTimestamp();
        action();
        var elapsed = clock.GetElapsedTime(start);
        if (elapsed < min || elapsed > max)
        {
            throw new Xunit.Sdk.XunitException($"Within: the block took {elapsed.TotalMilliseconds:0.###} ms, expected between {min.TotalMilliseconds:0.###} and {max.TotalMilliseconds:0.###} ms.");
        }
    }

    /// <inheritdoc cref="Within(TimeSpan, TimeSpan, Action)"/>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds: first until the system is idle, then polling every
    /// <paramref name="interval"/> (default 10 ms) of real time for at most <paramref name="max"/> (default 3 s).
    /// </summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Exception? last = null;
        if (!Poll(() => condition(), max, interval, ref last))
        {
            throw new Xunit.Sdk.XunitException($"AwaitCondition: {message ?? "the condition"} did not hold within {(max ?? DefaultTimeout).TotalMilliseconds:0} ms.");
        }
    }

    /// <summary>Waits until <paramref name="assertion"/> stops throwing, like <see cref="AwaitCondition"/>; rethrows its last failure on timeout.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        Exception? last = null;
        if (!Poll(
                () =>
                {
                    assertion();
                    return true;
                },
                max,
                interval,
                ref last))
        {
            throw new Xunit.Sdk.XunitException($"AwaitAssert: still failing after {(max ?? DefaultTimeout).TotalMilliseconds:0} ms: {last?.Message}");
        }
    }

    /// <summary>Terminates the system and waits (up to 10 s) for it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        if (!Sys.Terminate().Wait(TimeSpan.FromSeconds(10)))
        {
            throw new Xunit.Sdk.XunitException($"{Sys} did not terminate within 10 s.");
        }
    }

    private bool Poll(Func<bool> attempt, TimeSpan? max, TimeSpan? interval, ref Exception? last)
    {
        var deadline = Environment.TickCount64 + (long)(max ?? DefaultTimeout).TotalMilliseconds;
        var pause = interval ?? TimeSpan.FromMilliseconds(10);
        _tracker.WaitForIdle(max ?? DefaultTimeout);
        while (true)
        {
            try
            {
                if (attempt())
                {
                    return true;
                }
            }
            catch (Exception e)
            {
                last = e;
            }

            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }

            // Real time on purpose: the condition may depend on I/O outside the actor system.
            Task.Delay(pause, TimeProvider.System).Wait();
        }
    }
}
