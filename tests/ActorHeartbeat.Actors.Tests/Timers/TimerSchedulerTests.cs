using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.Actors.Tests.Timers;

public sealed class TimerSchedulerTests : TestKit.TestKit
{
    private sealed record Start(object Key, object Message, TimeSpan Delay, bool Periodic = false);

    private sealed record StartAligned(object Key, object Message, TimeSpan Initial, TimeSpan Interval, TimeSpan Grid);

    private sealed record Cancel(object Key);

    private sealed record Active(object Key);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe)
        {
            Receive<Start>(s =>
            {
                if (s.Periodic)
                {
                    Timers.StartPeriodicTimer(s.Key, s.Message, s.Delay);
                }
                else
                {
                    Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                }
            });
            Receive<StartAligned>(a =>
            {
                try
                {
                    Timers.StartAlignedPeriodicTimer(a.Key, a.Message, a.Initial, a.Interval, a.Grid);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    Sender.Tell(e.ParamName!);
                }
            });
            Receive<Cancel>(c => Timers.Cancel(c.Key));
            Receive<Active>(a => Sender.Tell(Timers.IsTimerActive(a.Key)));
            Receive<string>(s => s == "fire-then-cancel", _ =>
            {
                // Zero delay under virtual time: the timer's message is in the mailbox before Cancel runs.
                Timers.StartSingleTimer("k", "stale", TimeSpan.Zero);
                Timers.Cancel("k");
            });
            Receive<string>(s => s == "fire-then-replace", _ =>
            {
                Timers.StartSingleTimer("k", "old", TimeSpan.Zero);
                Timers.StartSingleTimer("k", "new", TimeSpan.Zero);
            });
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(s => s == "bad", _ =>
            {
                try
                {
                    Timers.StartPeriodicTimer("bad", "x", TimeSpan.FromSeconds(-1));
                }
                catch (ArgumentOutOfRangeException e)
                {
                    Sender.Tell(e.Message);
                }
            });
            ReceiveAny(m => probe.Tell(m));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private IActorRef Spawn() => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));

    [Fact]
    public void SingleTimer_FiresOnceAtItsDueTime_NotBefore()
    {
        var actor = Spawn();
        actor.Tell(new Start("t", "tick", TimeSpan.FromSeconds(5)));
        WaitForIdle();

        Advance(TimeSpan.FromSeconds(4.999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("tick");
        Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg();
    }

    [Fact]
    public void PeriodicTimer_TenMinutesOfOneSecondTicks_DeliversExactly600()
    {
        var actor = Spawn();
        actor.Tell(new Start("hb", "beat", TimeSpan.FromSeconds(1), Periodic: true));
        WaitForIdle();

        Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(600, ReceiveN(600).Count);
        ExpectNoMsg();
    }

    [Theory]
    [InlineData(1234, 366)] // 1,234 + 300 = 1,534 ms rounds up to the 100 ms grid: 1,600 ms
    [InlineData(1200, 300)] // 1,500 ms is on the grid already: not moved
    [InlineData(1299, 301)] // 1,599 ms: 1 ms short of the grid
    public void AlignedPeriodicTimer_FirstFiresAtTheNextGridInstant_ThenAtItsFixedRate(int startedAtMs, int firstAfterMs)
    {
        Advance(TimeSpan.FromMilliseconds(startedAtMs));
        var actor = Spawn();
        actor.Tell(new StartAligned("hb", "beat", TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)));
        WaitForIdle();

        Advance(TimeSpan.FromMilliseconds(firstAfterMs - 1));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("beat");
        Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("beat");
    }

    [Theory]
    [InlineData(-1, 1000, 100, "initialDelay")]
    [InlineData(0, 0, 100, "interval")]
    [InlineData(0, 1000, 0, "grid")]
    [InlineData(0, 1000, -5, "grid")]
    public void AlignedPeriodicTimer_InvalidArgument_IsRejectedNamingIt(int initialMs, int intervalMs, int gridMs, string name)
    {
        var actor = Spawn();
        actor.Tell(new StartAligned("hb", "beat", TimeSpan.FromMilliseconds(initialMs), TimeSpan.FromMilliseconds(intervalMs), TimeSpan.FromMilliseconds(gridMs)), TestActor);

        ExpectMsg(name);
    }

    [Fact]
    public void StartingAnActiveKey_ReplacesTheTimer()
    {
        var actor = Spawn();
        actor.Tell(new Start("k", "first", TimeSpan.FromSeconds(5)));
        actor.Tell(new Start("k", "second", TimeSpan.FromSeconds(10)));
        WaitForIdle();

        Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("second");
        Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg();
    }

    // Commands ("+key:message@seconds" starts a single timer, "-key" cancels) → what fires, at which second.
    [Theory]
    [InlineData("+a:A1@5 +b:B@6 -a +c:C@7 +a:A2@8", "B@6 C@7 A2@8")]
    [InlineData("+a:A@5 +b:B@6 -b -a +c:C@7", "C@7")]
    [InlineData("+a:A@5 +b:B@6 +c:C@7 -b +b:B2@4 -c", "B2@4 A@5")]
    [InlineData("+a:A@3 -a +a:A2@4 +b:B@2 -a", "B@2")]
    [InlineData("+a:A@2 +b:B@3 +a:A2@4 -b", "A2@4")]
    public void ManyKeys_StartedAndCancelledInAnyOrder_EachBehavesAsItsOwnTimer(string commands, string expected)
    {
        var actor = Spawn();
        foreach (var command in commands.Split(' '))
        {
            if (command[0] == '-')
            {
                actor.Tell(new Cancel(new string(command.AsSpan(1))));
                continue;
            }

            var (key, rest) = (command[1..command.IndexOf(':')], command[(command.IndexOf(':') + 1)..]);
            var at = rest.IndexOf('@');
            actor.Tell(new Start(new string(key.AsSpan()), rest[..at], TimeSpan.FromSeconds(int.Parse(rest[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture))));
        }

        WaitForIdle();
        var fired = new List<string>();
        for (var second = 1; second <= 10; second++)
        {
            Advance(TimeSpan.FromSeconds(1));
            WaitForIdle();
            while (TestActor.MessageCount > 0)
            {
                fired.Add($"{ExpectMsg<string>()}@{second}");
            }
        }

        Assert.Equal(expected, string.Join(' ', fired));
    }

    [Fact]
    public void CancelledTimer_WhoseMessageIsAlreadyEnqueued_IsNeverDelivered()
    {
        var actor = Spawn();
        actor.Tell("fire-then-cancel");
        actor.Tell("after");

        ExpectMsg("after");
        ExpectNoMsg();
    }

    [Fact]
    public void ReplacedTimer_WhoseMessageIsAlreadyEnqueued_IsNeverDelivered()
    {
        var actor = Spawn();
        actor.Tell("fire-then-replace");

        ExpectMsg("new");
        ExpectNoMsg();
    }

    [Fact]
    public void SingleTimer_IsInactiveOnceDelivered_PeriodicStaysActiveUntilCancelled()
    {
        var actor = Spawn();
        actor.Tell(new Start("once", "o", TimeSpan.FromSeconds(1)));
        actor.Tell(new Start("every", "e", TimeSpan.FromSeconds(1), Periodic: true));
        actor.Tell(new Active("once"), TestActor);
        ExpectMsg(true);

        Advance(TimeSpan.FromSeconds(1));
        FishForMessage<string>(m => m == "o");
        actor.Tell(new Active("once"), TestActor);
        actor.Tell(new Active("every"), TestActor);
        FishForMessage<bool>(b => !b);
        FishForMessage<bool>(b => b);

        actor.Tell(new Cancel("every"));
        actor.Tell(new Active("every"), TestActor);
        FishForMessage<bool>(b => !b);
    }

    [Fact]
    public void Stop_CancelsAllTimers()
    {
        var actor = Spawn();
        actor.Tell(new Start("a", "a", TimeSpan.FromSeconds(1), Periodic: true));
        actor.Tell(new Start("b", "b", TimeSpan.FromSeconds(2)));
        WaitForIdle();
        var timersBefore = Time.ActiveTimerCount;

        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Equal(timersBefore - 2, Time.ActiveTimerCount);
        Advance(TimeSpan.FromMinutes(1));
        ExpectNoMsg();
    }

    [Fact]
    public void Restart_CancelsAllTimers()
    {
        var actor = Spawn();
        actor.Tell(new Start("a", "from-old-instance", TimeSpan.FromSeconds(1), Periodic: true));
        actor.Tell("crash");
        WaitForIdle();

        Advance(TimeSpan.FromSeconds(10));

        ExpectNoMsg();
        actor.Tell("still alive");
        ExpectMsg("still alive");
    }

    [Fact]
    public void NegativeInterval_IsRejectedWithArgumentOutOfRange()
    {
        var actor = Spawn();
        actor.Tell("bad", TestActor);
        ExpectMsg<string>(m => m.Contains("interval must be positive", StringComparison.Ordinal));
    }
}
