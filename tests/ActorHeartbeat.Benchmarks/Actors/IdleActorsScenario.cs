using System.Diagnostics;
using System.Threading.Channels;
using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// (d) spawns many idle actors from the runner's thread and waits until every one has started
/// (each signals a countdown from its constructor, so it needs no field for it). Memory per actor
/// is the <see cref="GC.GetTotalMemory"/> delta (after full collections) divided by the count;
/// the spawn rate is the count divided by the time from the first spawn until the last has started.
/// Ours is measured twice per run: the leanest kind (an <see cref="UntypedActor"/> that does nothing)
/// and, for honesty, a <see cref="ReceiveActor"/> with one typed handler.
/// </summary>
internal sealed class IdleActorsScenario : IActorScenario
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public string Id => "d";

    public string Title => "(d) idle actors: memory and spawn rate";

    public IReadOnlyList<Metric> Metrics(SuiteSizes sizes) =>
    [
        new("(d) memory per idle actor (UntypedActor)", MetricUnit.BytesPerActor, MetricTarget.OursAtMost(500, MetricUnit.BytesPerActor)),
        new("(d) spawn rate (UntypedActor)", MetricUnit.SpawnsPerSecond, MetricTarget.RatioAtLeast(0.5)),
        new("(d) memory per idle actor (ReceiveActor, 1 handler)", MetricUnit.BytesPerActor, MetricTarget.Informational),
        new("(d) spawn rate (ReceiveActor, 1 handler)", MetricUnit.SpawnsPerSecond, MetricTarget.Informational),
    ];

    public void Warmup(Side side, SuiteSizes sizes)
    {
        var count = Math.Min(sizes.IdleActors, 20_000);
        if (side == Side.Ours)
        {
            SpawnActors(count, started => Props.Create(() => new IdleActor(started)));
            SpawnActors(count, started => Props.Create(() => new IdleReceiveActor(started)));
        }
        else
        {
            SpawnLoops(count);
        }
    }

    public double[] Run(Side side, SuiteSizes sizes)
    {
        if (side == Side.Baseline)
        {
            var (bytes, rate) = SpawnLoops(sizes.IdleActors);
            return [bytes, rate, bytes, rate];
        }

        var untyped = SpawnActors(sizes.IdleActors, started => Props.Create(() => new IdleActor(started)));
        Pause.CollectGarbage();
        var receive = SpawnActors(sizes.IdleActors, started => Props.Create(() => new IdleReceiveActor(started)));
        return [untyped.Bytes, untyped.Rate, receive.Bytes, receive.Rate];
    }

    private static (double Bytes, double Rate) SpawnActors(int count, Func<CountdownEvent, Props> props)
    {
        using var started = new CountdownEvent(count);
        var system = ActorSystem.Create("idle");
        try
        {
            var recipe = props(started);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                system.ActorOf(recipe);
            }

            Pause.Await(started, Limit, "spawning actors");
            var elapsed = Stopwatch.GetElapsedTime(start);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(recipe);
            return ((after - before) / (double)count, count / elapsed.TotalSeconds);
        }
        finally
        {
            system.Terminate().Wait();
        }
    }

    /// <summary>Baseline: per "actor" one unbounded single-reader channel, its writer kept in an array, and one parked async loop.</summary>
    private static (double Bytes, double Rate) SpawnLoops(int count)
    {
        using var started = new CountdownEvent(count);
        using var stopped = new CountdownEvent(count);
        var options = new UnboundedChannelOptions { SingleReader = true };
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var writers = new ChannelWriter<Ball>[count];
        for (var i = 0; i < count; i++)
        {
            var channel = Channel.CreateUnbounded<Ball>(options);
            writers[i] = channel.Writer;
            _ = IdleLoop(channel.Reader, started, stopped);
        }

        Pause.Await(started, Limit, "starting loops");
        var elapsed = Stopwatch.GetElapsedTime(start);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var writer in writers)
        {
            writer.TryComplete();
        }

        Pause.Await(stopped, Limit, "stopping loops");
        return ((after - before) / (double)count, count / elapsed.TotalSeconds);
    }

    private static async Task IdleLoop(ChannelReader<Ball> inbox, CountdownEvent started, CountdownEvent stopped)
    {
        started.Signal();
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out _))
            {
            }
        }

        stopped.Signal();
    }

    private sealed class IdleActor : UntypedActor
    {
        public IdleActor(CountdownEvent started) => started.Signal();

        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class IdleReceiveActor : ReceiveActor
    {
        private int _received;

        public IdleReceiveActor(CountdownEvent started)
        {
            Receive<Ball>(OnBall);
            started.Signal();
        }

        private void OnBall(Ball ball) => _received++;
    }
}
