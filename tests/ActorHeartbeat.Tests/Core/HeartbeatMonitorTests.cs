using ActorHeartbeat.Core;
using static ActorHeartbeat.Core.HeartbeatDecision;

namespace ActorHeartbeat.Tests.Core;

public sealed class HeartbeatMonitorTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static HeartbeatRules Rules(string? correlate = "seq", bool countAny = false, TimeSpan? idle = null, PingResponder? respond = null, MessageMatcher? pong = null) =>
        new(new ApplicationHeartbeat(
                Interval,
                Timeout,
                MessageTemplate.Parse("{\"op\":\"ping\",\"seq\":{seq},\"ts\":{ts}}"),
                pong ?? MessageMatcher.JsonFieldEquals("op", "pong"),
                correlate,
                countAny),
            idle,
            respond);

    /// <summary>Pings <c>{"op":"ping","seq":N}</c> answered by <c>{"op":"pong","seq":N}</c>, at any interval and timeout.</summary>
    private static HeartbeatRules SeqRules(TimeSpan interval, TimeSpan timeout) =>
        new(new ApplicationHeartbeat(interval, timeout, MessageTemplate.Parse("{\"op\":\"ping\",\"seq\":{seq}}"), MessageMatcher.JsonFieldEquals("op", "pong"), "seq", false), null, null);

    private static HeartbeatMonitor Connected(HeartbeatRules rules, double phase = 0.25)
    {
        var monitor = new HeartbeatMonitor(rules);
        monitor.Connected(S(0), phase);
        return monitor;
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.25, 5.0)]
    [InlineData(0.999, 19.98)]
    public void Connected_StartsTicksAtARandomPhaseWithinTheInterval_OnTheTickGrid(double sample, double firstTickSeconds)
    {
        var decisions = new HeartbeatMonitor(Rules()).Connected(S(100), sample);

        var start = Assert.IsType<StartTicks>(Assert.Single(decisions));
        Assert.Equal(firstTickSeconds, start.InitialDelay.TotalSeconds, precision: 6);
        Assert.Equal(Interval, start.Interval);
        Assert.Equal(HeartbeatMonitor.MaxTickGrid, start.Grid);
    }

    [Theory]
    [InlineData(200_000_000, 1_000_000)]
    [InlineData(10_000_000, 1_000_000)]
    [InlineData(9_999_900, 999_990)]
    [InlineData(2_500_000, 250_000)]
    [InlineData(100_000, 10_000)]
    [InlineData(10, 1)]
    [InlineData(1, 1)]
    public void TickGrid_IsATenthOfTheInterval_AtMost100Milliseconds_AtLeastOneTick(long intervalTicks, long gridTicks) =>
        Assert.Equal(TimeSpan.FromTicks(gridTicks), HeartbeatMonitor.TickGrid(TimeSpan.FromTicks(intervalTicks)));

    [Fact]
    public void Tick_SendsNumberedPingsWithTimestamp_AndArmsTheDeadlineForTheOldest()
    {
        var monitor = Connected(Rules());

        var first = monitor.Tick(S(5), 1_700_000_000_000);
        var second = monitor.Tick(S(25), 1_700_000_020_000);

        Assert.Equal(
            [new SendPing(1, "{\"op\":\"ping\",\"seq\":1,\"ts\":1700000000000}"), new ArmPongDeadline(1, Timeout)],
            first);
        Assert.Equal([new SendPing(2, "{\"op\":\"ping\",\"seq\":2,\"ts\":1700000020000}")], second);
        Assert.Equal(2, monitor.OutstandingPings);
    }

    [Fact]
    public void MissedPong_AfterDeadline_DeclaresHeartbeatTimeout()
    {
        var monitor = Connected(Rules());
        monitor.Tick(S(5), 0);

        var decisions = monitor.PongDeadlineElapsed(1, S(15));

        var dead = Assert.IsType<DeclareDead>(Assert.Single(decisions));
        Assert.Equal(DisconnectReason.HeartbeatTimeout, dead.Reason);
        Assert.Contains("ping 1", dead.Detail);
        Assert.True(monitor.IsDead);
        Assert.Empty(monitor.Tick(S(25), 0));
        Assert.Empty(monitor.TextReceived("{\"op\":\"pong\",\"seq\":1}", S(26), out _));
    }

    [Theory]
    [InlineData(15.0, false, -1)]
    [InlineData(15.0, true, 100)]
    [InlineData(20.0, true, 100)]
    [InlineData(24.95, true, 50)]
    [InlineData(25.0, true, -1)]
    [InlineData(26.0, true, -1)]
    [InlineData(20.0, false, -1)]
    public void DeadlineWithBytesWaitingUndelivered_WaitsInSteps_UpToTwiceTheTimeout(double nowSeconds, bool inputPending, int rearmMilliseconds)
    {
        // Ping 1 at 5 s, timeout 10 s: the verdict may wait until 25 s while bytes wait, never longer.
        var monitor = Connected(Rules());
        monitor.Tick(S(5), 0);

        var decisions = monitor.PongDeadlineElapsed(1, S(nowSeconds), inputPending);

        if (rearmMilliseconds < 0)
        {
            Assert.Equal(DisconnectReason.HeartbeatTimeout, Assert.IsType<DeclareDead>(Assert.Single(decisions)).Reason);
        }
        else
        {
            Assert.Equal([new ArmPongDeadline(1, TimeSpan.FromMilliseconds(rearmMilliseconds))], decisions);
            Assert.False(monitor.IsDead);
        }
    }

    [Fact]
    public void DeadlineWithBytesWaiting_UnderATimeoutShorterThanTheStep_WaitsOneTimeoutAtATime()
    {
        var rules = Rules() with { Heartbeat = Rules().Heartbeat! with { Timeout = TimeSpan.FromMilliseconds(40) } };
        var monitor = Connected(rules);
        monitor.Tick(S(5), 0);

        Assert.Equal([new ArmPongDeadline(1, TimeSpan.FromMilliseconds(40))], monitor.PongDeadlineElapsed(1, S(5.04), inputPending: true));
        Assert.IsType<DeclareDead>(Assert.Single(monitor.PongDeadlineElapsed(1, S(5.08), inputPending: true)));
    }

    [Fact]
    public void PongBeforeDeadline_RecordsRoundTrip_CancelsDeadline_AndStaleDeadlineIsIgnored()
    {
        var monitor = Connected(Rules());
        monitor.Tick(S(5), 0);

        var decisions = monitor.TextReceived("{\"op\":\"pong\",\"seq\":1}", S(5.042), out var consumed);

        Assert.True(consumed);
        Assert.Equal([new RoundTripMeasured(1, S(5.042) - S(5)), new CancelPongDeadline()], decisions);
        Assert.Empty(monitor.PongDeadlineElapsed(1, S(15)));
        Assert.False(monitor.IsDead);
    }

    [Fact]
    public void LatePongForAnOlderPing_IsNotTakenForTheCurrentOne()
    {
        var monitor = Connected(Rules());
        monitor.Tick(S(5), 0);
        monitor.TextReceived("{\"op\":\"pong\",\"seq\":1}", S(6), out _);
        monitor.Tick(S(25), 0);

        // A duplicate answer to ping 1 arrives while ping 2 is outstanding: ignored.
        var late = monitor.TextReceived("{\"op\":\"pong\",\"seq\":1}", S(26), out var consumed);

        Assert.True(consumed);
        Assert.Empty(late);
        Assert.Equal(1, monitor.OutstandingPings);
        Assert.IsType<DeclareDead>(Assert.Single(monitor.PongDeadlineElapsed(2, S(35))));
    }

    [Fact]
    public void CorrelatedPong_AnswersThatPingAndEveryEarlierOne_AndRearmsForTheNextOutstanding()
    {
        var rules = Rules() with { Heartbeat = Rules().Heartbeat! with { Timeout = S(50) } };
        var monitor = Connected(rules);
        monitor.Tick(S(0), 0);
        monitor.Tick(S(20), 0);
        monitor.Tick(S(40), 0);

        var decisions = monitor.TextReceived("{\"op\":\"pong\",\"seq\":\"2\"}", S(45), out _);

        Assert.Equal(
            [new RoundTripMeasured(1, S(45)), new RoundTripMeasured(2, S(25)), new ArmPongDeadline(3, S(45))],
            decisions);
        Assert.Equal(1, monitor.OutstandingPings);
    }

    [Fact]
    public void PongWithoutTheCorrelateField_AnswersTheOldestPing()
    {
        var monitor = Connected(Rules(pong: MessageMatcher.JsonFieldEquals("type", "pong")));
        monitor.Tick(S(0), 0);
        monitor.Tick(S(20), 0);

        var decisions = monitor.TextReceived("{\"type\":\"pong\",\"timestamp\":1}", S(21), out _);

        Assert.Equal([new RoundTripMeasured(1, S(21)), new ArmPongDeadline(2, S(9))], decisions);
    }

    [Theory]
    [InlineData("{\"op\":\"pong\",\"seq\":99}")]
    [InlineData("{\"op\":\"pong\",\"seq\":\"x\"}")]
    [InlineData("{\"op\":\"pong\",\"seq\":[1]}")]
    public void PongWithAnUnknownCorrelateValue_IsIgnored(string pong)
    {
        var monitor = Connected(Rules());
        monitor.Tick(S(0), 0);

        Assert.Empty(monitor.TextReceived(pong, S(1), out var consumed));
        Assert.True(consumed);
        Assert.Equal(1, monitor.OutstandingPings);
    }

    [Fact]
    public void TextPong_MatchesExactText()
    {
        var monitor = Connected(Rules(correlate: null, pong: MessageMatcher.ExactText("pong")));
        monitor.Tick(S(0), 0);

        Assert.Empty(monitor.TextReceived("PONG", S(1), out var dataConsumed));
        Assert.False(dataConsumed);
        Assert.Equal([new RoundTripMeasured(1, S(2)), new CancelPongDeadline()], monitor.TextReceived("pong", S(2), out _));
    }

    [Fact]
    public void CountAnyInbound_AnyMessageAnswersEveryOutstandingPing_WithoutRoundTrip()
    {
        var monitor = Connected(Rules(countAny: true));
        monitor.Tick(S(0), 0);

        var decisions = monitor.TextReceived("{\"trade\":42}", S(3), out var consumed);

        Assert.False(consumed);
        Assert.Equal([new CancelPongDeadline()], decisions);
        Assert.Empty(monitor.PongDeadlineElapsed(1, S(10)));
        monitor.Tick(S(20), 0);
        Assert.Equal([new CancelPongDeadline()], monitor.BinaryReceived(S(21)));
    }

    [Fact]
    public void WithoutCountAnyInbound_DataDoesNotAnswerPings()
    {
        var monitor = Connected(Rules());
        monitor.Tick(S(0), 0);

        Assert.Empty(monitor.TextReceived("{\"trade\":42}", S(3), out var consumed));
        Assert.False(consumed);
        Assert.IsType<DeclareDead>(Assert.Single(monitor.PongDeadlineElapsed(1, S(10))));
    }

    [Fact]
    public void EarlyDeadline_IsRearmedForTheRemainder()
    {
        var monitor = Connected(Rules());
        monitor.Tick(S(0), 0);

        Assert.Equal([new ArmPongDeadline(1, S(4))], monitor.PongDeadlineElapsed(1, S(6)));
    }

    [Fact]
    public void IdleTimeout_DeclaresDeadOnlyWhenNothingArrivedForTheWholePeriod()
    {
        var monitor = new HeartbeatMonitor(new HeartbeatRules(null, S(30), null));
        Assert.Equal([new ArmIdleCheck(S(30))], monitor.Connected(S(0), 0));

        monitor.TextReceived("data", S(12), out _);
        Assert.Equal([new ArmIdleCheck(S(12))], monitor.IdleCheckElapsed(S(30)));

        var dead = Assert.IsType<DeclareDead>(Assert.Single(monitor.IdleCheckElapsed(S(42))));
        Assert.Equal(DisconnectReason.IdleTimeout, dead.Reason);
    }

    [Fact]
    public void Respond_AnswersThePeersPingFromTheTemplate_AndConsumesIt()
    {
        var respond = new PingResponder(MessageMatcher.JsonFieldEquals("ping", null), MessageTemplate.Parse("{\"pong\":{value}}"));
        var monitor = new HeartbeatMonitor(new HeartbeatRules(null, null, respond));
        monitor.Connected(S(0), 0);

        var decisions = monitor.TextReceived("{\"ping\":1732000000}", S(1), out var consumed);

        Assert.True(consumed);
        Assert.Equal([new SendReply("{\"pong\":1732000000}")], decisions);
        Assert.Empty(monitor.TextReceived("{\"data\":1}", S(2), out var dataConsumed));
        Assert.False(dataConsumed);
    }

    [Fact]
    public void WithNothingEnabled_EverythingIsData()
    {
        var monitor = new HeartbeatMonitor(HeartbeatRules.None);
        Assert.Empty(monitor.Connected(S(0), 0.5));
        Assert.Empty(monitor.Tick(S(1), 0));
        Assert.Empty(monitor.TextReceived("{\"op\":\"pong\"}", S(2), out var consumed));
        Assert.False(consumed);
    }

    // interval s, timeout s, pings answered by then with no deadline timer at all
    [Theory]
    [InlineData(20.0, 10.0, false)]
    [InlineData(1.0, 0.5, false)]
    [InlineData(1.0, 1.0, true)]
    [InlineData(5.0, 5.0, true)]
    [InlineData(1.0, 2.5, true)]
    [InlineData(10.0, 30.0, true)]
    public void DetectionBound_FrozenPeerIsDeclaredDeadAtTheDeadlineOfItsFirstUnansweredPing(double interval, double timeout, bool noTimerWhileHealthy)
    {
        // A discrete-event run: ticks fire up to 10 ms late (as the timer queue's slots make them), the
        // peer answers each ping after 50 ms until it freezes at t = 61 s, deadline timers fire on time.
        var rules = SeqRules(S(interval), S(timeout));
        var monitor = Connected(rules, phase: 0.1);
        var freeze = S(61);
        var answerAfter = S(0.05);
        var pongs = new Queue<(TimeSpan At, long Sequence)>();
        (TimeSpan Due, long Sequence)? deadline = null;
        var firstUnanswered = TimeSpan.MaxValue;
        var armsWhileHealthy = 0;
        var tick = 0;
        DeclareDead? dead = null;
        var now = TimeSpan.Zero;

        bool Apply(IReadOnlyList<HeartbeatDecision> decisions)
        {
            foreach (var d in decisions)
            {
                switch (d)
                {
                    case SendPing ping when now + answerAfter < freeze:
                        pongs.Enqueue((now + answerAfter, ping.Sequence));
                        break;
                    case SendPing:
                        firstUnanswered = firstUnanswered == TimeSpan.MaxValue ? now : firstUnanswered;
                        break;
                    case ArmPongDeadline arm:
                        deadline = (now + arm.After, arm.Sequence);
                        armsWhileHealthy += now < freeze ? 1 : 0;
                        break;
                    case CancelPongDeadline:
                        deadline = null;
                        break;
                    case DeclareDead declared:
                        dead = declared;
                        return true;
                }
            }

            return false;
        }

        while (now < S(1000))
        {
            var nextTick = (S(interval) * (0.1 + tick)) + TimeSpan.FromMilliseconds((tick * 7) % 10);
            var nextPong = pongs.Count > 0 ? pongs.Peek().At : TimeSpan.MaxValue;
            var nextDeadline = deadline?.Due ?? TimeSpan.MaxValue;
            if (nextPong <= nextTick && nextPong <= nextDeadline)
            {
                now = nextPong;
                var pong = pongs.Dequeue();
                Apply(monitor.TextReceived($"{{\"op\":\"pong\",\"seq\":{pong.Sequence}}}", now, out _));
            }
            else if (nextDeadline <= nextTick)
            {
                now = nextDeadline;
                var fired = deadline!.Value.Sequence;
                deadline = null;
                if (Apply(monitor.PongDeadlineElapsed(fired, now)))
                {
                    break;
                }
            }
            else
            {
                now = nextTick;
                tick++;
                Apply(monitor.Tick(now, 0));
            }
        }

        Assert.NotNull(dead);
        Assert.Equal(DisconnectReason.HeartbeatTimeout, dead.Reason);
        Assert.InRange(now, firstUnanswered + S(timeout), firstUnanswered + S(timeout) + TimeSpan.FromMilliseconds(10));
        Assert.Equal(noTimerWhileHealthy, armsWhileHealthy == 0);
    }

    [Fact]
    public void TimeoutNotShorterThanInterval_AnsweredPings_NeedNoDeadlineTimer()
    {
        var monitor = Connected(SeqRules(S(10), S(10)));

        Assert.Equal([new SendPing(1, "{\"op\":\"ping\",\"seq\":1}")], monitor.Tick(S(2.5), 0));
        Assert.Equal([new RoundTripMeasured(1, S(0.5))], monitor.TextReceived("{\"op\":\"pong\",\"seq\":1}", S(3), out _));
        Assert.Equal([new SendPing(2, "{\"op\":\"ping\",\"seq\":2}")], monitor.Tick(S(12.5), 0));
    }

    [Fact]
    public void TimeoutNotShorterThanInterval_StillUnansweredAtTheNextTick_ArmsTheDeadlineForTheRemainder()
    {
        var monitor = Connected(SeqRules(S(10), S(25)));
        monitor.Tick(S(2.5), 0);

        Assert.Equal(
            [new SendPing(2, "{\"op\":\"ping\",\"seq\":2}"), new ArmPongDeadline(1, S(15))],
            monitor.Tick(S(12.5), 0));
        Assert.Equal([new SendPing(3, "{\"op\":\"ping\",\"seq\":3}")], monitor.Tick(S(22.5), 0));

        // Ping 1 answered: the deadline moves on to ping 2 (sent at 12.5, due at 37.5).
        Assert.Equal(
            [new RoundTripMeasured(1, S(21.5)), new ArmPongDeadline(2, S(13.5))],
            monitor.TextReceived("{\"op\":\"pong\",\"seq\":1}", S(24), out _));
        Assert.Equal(
            [new RoundTripMeasured(2, S(12.5)), new RoundTripMeasured(3, S(2.5)), new CancelPongDeadline()],
            monitor.TextReceived("{\"op\":\"pong\",\"seq\":3}", S(25), out _));
        Assert.Equal([new SendPing(4, "{\"op\":\"ping\",\"seq\":4}")], monitor.Tick(S(32.5), 0));
    }

    [Fact]
    public void TimeoutNotShorterThanInterval_DeadlinePassedBeforeALateTick_ArmsItAtOnce()
    {
        var monitor = Connected(SeqRules(S(10), S(10)));
        monitor.Tick(S(2.5), 0);

        Assert.Equal(
            [new SendPing(2, "{\"op\":\"ping\",\"seq\":2}"), new ArmPongDeadline(1, TimeSpan.Zero)],
            monitor.Tick(S(12.6), 0));
        Assert.IsType<DeclareDead>(Assert.Single(monitor.PongDeadlineElapsed(1, S(12.6))));
    }

    [Fact]
    public void CountAnyInbound_WithoutAnArmedDeadline_CancelsNothing()
    {
        var monitor = Connected(new HeartbeatRules(
            new ApplicationHeartbeat(S(10), S(10), MessageTemplate.Parse("ping"), MessageMatcher.ExactText("pong"), null, true),
            null,
            null));
        monitor.Tick(S(2.5), 0);

        Assert.Empty(monitor.TextReceived("data", S(3), out var consumed));
        Assert.False(consumed);
        Assert.Equal(0, monitor.OutstandingPings);
        Assert.Empty(monitor.BinaryReceived(S(4)));
    }

    [Fact]
    public void InvalidInputs_Throw()
    {
        var monitor = new HeartbeatMonitor(Rules());
        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Connected(S(0), 1.0));
        monitor.Connected(S(0), 0.5);
        Assert.Throws<InvalidOperationException>(() => monitor.Connected(S(1), 0.5));
        Assert.Throws<ArgumentNullException>(() => new HeartbeatMonitor(null!));
    }
}
