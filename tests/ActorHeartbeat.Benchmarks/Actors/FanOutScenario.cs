using System.Diagnostics;
using System.Threading.Channels;
using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// (c) one producer (the runner's own thread, not a pool thread) sends a burst of messages round-robin
/// to many receivers. Each receiver counts in a plain field and signals a shared countdown when the
/// last message it expects arrives; the clock stops when every receiver has signalled.
/// </summary>
internal sealed class FanOutScenario : IActorScenario
{
    public string Id => "c";

    public string Title => "(c) fan-out from one producer";

    public static FanOutRig CreateRig(Side side, int receivers) =>
        side == Side.Ours ? new ActorFanOutRig(receivers) : new ChannelFanOutRig(receivers);

    public IReadOnlyList<Metric> Metrics(SuiteSizes sizes) =>
        [new Metric($"(c) fan-out, 1 producer → {sizes.FanOutActors:N0} actors", MetricUnit.MessagesPerSecond, MetricTarget.RatioAtLeast(1.0))];

    public void Warmup(Side side, SuiteSizes sizes)
    {
        using var rig = CreateRig(side, sizes.FanOutActors);
        rig.Send(sizes.FanOutMessages / 10);
    }

    public double[] Run(Side side, SuiteSizes sizes)
    {
        using var rig = CreateRig(side, sizes.FanOutActors);
        var elapsed = rig.Send(sizes.FanOutMessages);
        return [sizes.FanOutMessages / elapsed.TotalSeconds];
    }
}

/// <summary>Receivers plus the producer loop, identical on both sides but for the one call that delivers.</summary>
internal abstract class FanOutRig(int receivers) : IDisposable
{
    private readonly FanOutBurst _burst = new();

    public int Receivers => receivers;

    protected FanOutBurst Burst => _burst;

    /// <summary>Sends <paramref name="messages"/> round-robin from the calling thread and waits until all are processed.</summary>
    /// <exception cref="ArgumentException">When <paramref name="messages"/> is not a positive multiple of the receiver count.</exception>
    public TimeSpan Send(long messages)
    {
        if (messages <= 0 || messages % receivers != 0)
        {
            throw new ArgumentException($"The message count {messages} must be a positive multiple of the {receivers} receivers.", nameof(messages));
        }

        using var done = new CountdownEvent(receivers);
        _burst.PerReceiver = messages / receivers;
        _burst.Done = done;
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        for (long i = 0; i < messages; i++)
        {
            Deliver(next);
            if (++next == receivers)
            {
                next = 0;
            }
        }

        Pause.Await(done, TimeSpan.FromMinutes(5), "fan-out");
        return Stopwatch.GetElapsedTime(start);
    }

    public abstract void Dispose();

    protected abstract void Deliver(int receiver);
}

/// <summary>What the receivers of one burst expect; set before the burst's first message, which publishes it.</summary>
internal sealed class FanOutBurst
{
    public long PerReceiver;

    public CountdownEvent? Done;

    public void Arrived(ref long count)
    {
        if (++count == PerReceiver)
        {
            count = 0;
            Done!.Signal();
        }
    }
}

/// <summary>Ours: receivers are actors under /user; the producer Tells without a sender.</summary>
internal sealed class ActorFanOutRig : FanOutRig
{
    private readonly ActorSystem _system;
    private readonly IActorRef[] _receivers;

    public ActorFanOutRig(int receivers)
        : base(receivers)
    {
        _system = ActorSystem.Create("fanout");
        _receivers = new IActorRef[receivers];
        var props = Props.Create(() => new Counter(Burst));
        for (var i = 0; i < receivers; i++)
        {
            _receivers[i] = _system.ActorOf(props);
        }
    }

    public override void Dispose() => _system.Terminate().Wait();

    protected override void Deliver(int receiver) => _receivers[receiver].Tell(Ball.Instance);

    private sealed class Counter(FanOutBurst burst) : UntypedActor
    {
        private long _count;

        protected override void OnReceive(object message) => burst.Arrived(ref _count);
    }
}

/// <summary>Baseline: one unbounded single-reader channel and one async counting loop per receiver.</summary>
internal sealed class ChannelFanOutRig : FanOutRig
{
    private readonly ChannelWriter<Ball>[] _writers;
    private readonly Task[] _loops;

    public ChannelFanOutRig(int receivers)
        : base(receivers)
    {
        _writers = new ChannelWriter<Ball>[receivers];
        _loops = new Task[receivers];
        var options = new UnboundedChannelOptions { SingleReader = true };
        for (var i = 0; i < receivers; i++)
        {
            var channel = Channel.CreateUnbounded<Ball>(options);
            _writers[i] = channel.Writer;
            _loops[i] = CountLoop(channel.Reader, Burst);
        }
    }

    public override void Dispose()
    {
        foreach (var writer in _writers)
        {
            writer.TryComplete();
        }

        Task.WaitAll(_loops);
    }

    protected override void Deliver(int receiver) => _writers[receiver].TryWrite(Ball.Instance);

    private static async Task CountLoop(ChannelReader<Ball> inbox, FanOutBurst burst)
    {
        long count = 0;
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out _))
            {
                burst.Arrived(ref count);
            }
        }
    }
}
