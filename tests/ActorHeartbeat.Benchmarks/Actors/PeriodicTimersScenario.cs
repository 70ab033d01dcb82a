using System.Diagnostics;
using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// (e) many actors, each with one periodic keyed timer started in PreStart. After all have started
/// and a settling pause, the process's CPU time (all threads) is read across a window of wall time;
/// every actor's tick count across the same window must reach <see cref="SuiteSizes.MinimumTicks"/>.
/// </summary>
internal sealed class PeriodicTimersScenario : IActorScenario
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public string Id => "e";

    public string Title => "(e) periodic keyed timers";

    public IReadOnlyList<Metric> Metrics(SuiteSizes sizes) =>
    [
        new($"(e) CPU, {sizes.TimerActors:N0} timers at {sizes.TimerPeriod.TotalSeconds:0.##} s", MetricUnit.PercentOfCore, MetricTarget.RatioAtMost(1.0)),
        new($"(e) fewest ticks of any actor in {sizes.TimerWindow.TotalSeconds:0} s", MetricUnit.Ticks, MetricTarget.OursAtLeast(sizes.MinimumTicks, MetricUnit.Ticks)),
    ];

    public void Warmup(Side side, SuiteSizes sizes) =>
        Measure(side, sizes with { TimerActors = 1_000, TimerSettle = TimeSpan.Zero, TimerWindow = TimeSpan.FromSeconds(2) });

    public double[] Run(Side side, SuiteSizes sizes) => Measure(side, sizes);

    private static double[] Measure(Side side, SuiteSizes sizes)
    {
        var board = new TickBoard(sizes.TimerActors);
        using var started = new CountdownEvent(sizes.TimerActors);
        using var fleet = side == Side.Ours ? (IDisposable)new ActorFleet(board, started, sizes.TimerPeriod) : new LoopFleet(board, started, sizes.TimerPeriod);
        Pause.Await(started, Limit, "starting timers");
        Pause.For(sizes.TimerSettle);

        var ticksBefore = board.Snapshot();
        var cpuBefore = CpuTime();
        var start = Stopwatch.GetTimestamp();
        Pause.For(sizes.TimerWindow);
        var cpuAfter = CpuTime();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var ticksAfter = board.Snapshot();

        var fewest = int.MaxValue;
        for (var i = 0; i < ticksAfter.Length; i++)
        {
            fewest = Math.Min(fewest, ticksAfter[i] - ticksBefore[i]);
        }

        return [100.0 * (cpuAfter - cpuBefore).TotalSeconds / elapsed.TotalSeconds, fewest];
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Ours: one actor per timer under /user.</summary>
    private sealed class ActorFleet : IDisposable
    {
        private readonly ActorSystem _system = ActorSystem.Create("timers");

        public ActorFleet(TickBoard board, CountdownEvent started, TimeSpan period)
        {
            var props = Props.Create(() => new TickActor(board, started, period));
            for (var i = 0; i < board.Count; i++)
            {
                _system.ActorOf(props);
            }
        }

        public void Dispose() => _system.Terminate().Wait();
    }

    /// <summary>Baseline: one async loop per timer, awaiting its own <see cref="PeriodicTimer"/>.</summary>
    private sealed class LoopFleet : IDisposable
    {
        private readonly PeriodicTimer[] _timers;
        private readonly Task[] _loops;

        public LoopFleet(TickBoard board, CountdownEvent started, TimeSpan period)
        {
            _timers = new PeriodicTimer[board.Count];
            _loops = new Task[board.Count];
            for (var i = 0; i < board.Count; i++)
            {
                _timers[i] = new PeriodicTimer(period, TimeProvider.System);
                _loops[i] = TickLoop(_timers[i], board, i, started);
            }
        }

        public void Dispose()
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            Task.WaitAll(_loops);
        }

        private static async Task TickLoop(PeriodicTimer timer, TickBoard board, int id, CountdownEvent started)
        {
            started.Signal();
            while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                board.Tick(id);
            }
        }
    }

    private sealed class TickActor(TickBoard board, CountdownEvent started, TimeSpan period) : UntypedActor, IWithTimers
    {
        private static readonly object Key = "tick";
        private static readonly object TickMessage = new();
        private readonly int _id = board.NextId();

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            Timers.StartPeriodicTimer(Key, TickMessage, period);
            started.Signal();
        }

        protected override void OnReceive(object message) => board.Tick(_id);
    }

    /// <summary>Every timer's tick count, indexed by an id handed out at creation; each slot has one writer.</summary>
    private sealed class TickBoard(int count)
    {
        private readonly int[] _ticks = new int[count];
        private int _nextId = -1;

        public int Count => count;

        public int NextId() => Interlocked.Increment(ref _nextId);

        public void Tick(int id) => _ticks[id]++;

        public int[] Snapshot() => (int[])_ticks.Clone();
    }
}
