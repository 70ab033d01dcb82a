using System.Diagnostics;
using System.Threading.Channels;
using ActorHeartbeat.Actors;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// (a) one pinger/ponger pair and (b) ten pairs at once, one message in flight per pair. Every pair
/// runs without a budget; after a warm-up, the round trips completed inside a fixed window are
/// counted. Each round trip is two messages (ping and pong), on both sides.
/// </summary>
internal sealed class PingPongScenario(string id, string title, int pairs, MetricTarget target) : IActorScenario
{
    public string Id => id;

    public string Title => title;

    public static PingPongScenario OnePair() =>
        new("a", "(a) ping-pong, 1 pair", 1, MetricTarget.RatioAtLeast(1.0));

    public static PingPongScenario TenPairs() =>
        new("b", "(b) ping-pong, 10 pairs", 10, MetricTarget.RatioAtLeast(3.6));

    public static PingPongRig CreateRig(Side side, int pairs) =>
        side == Side.Ours ? new ActorPingPongRig(pairs) : new ChannelPingPongRig(pairs);

    public IReadOnlyList<Metric> Metrics(SuiteSizes sizes) =>
        [new Metric(pairs == 1 ? "(a) ping-pong, 1 pair" : $"(b) ping-pong, {pairs} pairs (aggregate)", MetricUnit.MessagesPerSecond, target)];

    public void Warmup(Side side, SuiteSizes sizes) =>
        Measure(side, TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.2));

    public double[] Run(Side side, SuiteSizes sizes) =>
        [Measure(side, sizes.PingPongWarmup, sizes.PingPongWindow)];

    private double Measure(Side side, TimeSpan warmup, TimeSpan window)
    {
        using var rig = CreateRig(side, pairs);
        rig.Start(long.MaxValue);
        Pause.For(warmup);
        var start = Stopwatch.GetTimestamp();
        var before = rig.RoundTrips();
        Pause.For(window);
        var after = rig.RoundTrips();
        var elapsed = Stopwatch.GetElapsedTime(start);
        rig.StopBurst();
        return 2.0 * (after - before) / elapsed.TotalSeconds;
    }
}

/// <summary>Ours: each pair is two actors under /user; the ponger answers whoever sent the ball.</summary>
internal sealed class ActorPingPongRig : PingPongRig
{
    private readonly ActorSystem _system;
    private readonly IActorRef[] _pingers;
    private readonly IActorRef[] _pongers;

    public ActorPingPongRig(int pairs)
        : base(pairs)
    {
        _system = ActorSystem.Create("pingpong");
        _pingers = new IActorRef[pairs];
        _pongers = new IActorRef[pairs];
        var ponger = Props.Create<Ponger>();
        for (var i = 0; i < pairs; i++)
        {
            var pair = Pair(i);
            _pingers[i] = _system.ActorOf(Props.Create(() => new Pinger(pair)), $"pinger-{i}");
            _pongers[i] = _system.ActorOf(ponger, $"ponger-{i}");
        }
    }

    public override void Dispose()
    {
        _system.Terminate().Wait();
        base.Dispose();
    }

    protected override void Kick(int index) => _pongers[index].Tell(Ball.Instance, _pingers[index]);

    private sealed class Pinger(PingPongPair pair) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (pair.CountAndContinue())
            {
                Sender.Tell(message, Self);
            }
        }
    }

    private sealed class Ponger : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}

/// <summary>
/// Baseline: what one writes by hand. Each "actor" is an unbounded single-reader channel plus one
/// async loop draining it; the pinger's loop and the ponger's loop know each other's writer.
/// </summary>
internal sealed class ChannelPingPongRig : PingPongRig
{
    private static readonly UnboundedChannelOptions Options = new() { SingleReader = true };

    private readonly ChannelWriter<Ball>[] _toPongers;
    private readonly ChannelWriter<Ball>[] _toPingers;
    private readonly Task[] _loops;

    public ChannelPingPongRig(int pairs)
        : base(pairs)
    {
        _toPongers = new ChannelWriter<Ball>[pairs];
        _toPingers = new ChannelWriter<Ball>[pairs];
        _loops = new Task[2 * pairs];
        for (var i = 0; i < pairs; i++)
        {
            var pingerInbox = Channel.CreateUnbounded<Ball>(Options);
            var pongerInbox = Channel.CreateUnbounded<Ball>(Options);
            _toPingers[i] = pingerInbox.Writer;
            _toPongers[i] = pongerInbox.Writer;
            _loops[2 * i] = PingerLoop(pingerInbox.Reader, pongerInbox.Writer, Pair(i));
            _loops[(2 * i) + 1] = PongerLoop(pongerInbox.Reader, pingerInbox.Writer);
        }
    }

    public override void Dispose()
    {
        foreach (var writer in _toPingers.Concat(_toPongers))
        {
            writer.TryComplete();
        }

        Task.WaitAll(_loops);
        base.Dispose();
    }

    protected override void Kick(int index) => _toPongers[index].TryWrite(Ball.Instance);

    private static async Task PingerLoop(ChannelReader<Ball> inbox, ChannelWriter<Ball> ponger, PingPongPair pair)
    {
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out var ball))
            {
                if (pair.CountAndContinue())
                {
                    ponger.TryWrite(ball);
                }
            }
        }
    }

    private static async Task PongerLoop(ChannelReader<Ball> inbox, ChannelWriter<Ball> pinger)
    {
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out var ball))
            {
                pinger.TryWrite(ball);
            }
        }
    }
}
