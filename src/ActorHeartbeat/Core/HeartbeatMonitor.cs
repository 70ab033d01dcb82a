using System.Globalization;

namespace ActorHeartbeat.Core;

/// <summary>
/// The heartbeat state machine of one connection, without I/O or clocks (sans-I/O, like Python
/// websockets' protocol layer): the caller feeds events with a monotonic timestamp and carries out
/// the <see cref="HeartbeatDecision"/>s that come back.
/// </summary>
/// <remarks>
/// Rules. After <see cref="Connected"/> the first ping tick comes at a random phase within the
/// interval, on the tick grid (<see cref="TickGrid"/>): the caller starts it at the next instant of its
/// clock that is a whole multiple of the grid, so the ticks of many connections fall due together in a
/// few groups per interval instead of each at its own instant. Each tick sends ping <c>seq</c> = 1, 2,
/// … and the oldest unanswered ping has a deadline of send time + timeout; when it passes unanswered,
/// the peer is declared dead (<see cref="DisconnectReason.HeartbeatTimeout"/>), so a dead peer is
/// detected at most interval + timeout after its last answer. A timer is armed for a deadline only when
/// it can matter: with a timeout shorter than the interval, when the ping is sent; otherwise the next
/// tick comes no later than the deadline and arms it only if the ping is still unanswered then (for the
/// remainder, or at once when it already passed) — a connection whose pings are answered needs no timer
/// but its tick. An answer that carries the correlate field answers the ping with that sequence and
/// every earlier one (an unknown value is ignored); one without it answers the oldest. Every answered
/// ping yields its round trip. With an idle timeout, the peer is dead when nothing at all arrived for
/// that long. Once dead, the monitor decides nothing more.
/// </remarks>
public sealed class HeartbeatMonitor
{
    /// <summary>The coarsest tick grid: 100 ms.</summary>
    public static readonly TimeSpan MaxTickGrid = TimeSpan.FromMilliseconds(100);

    private static readonly IReadOnlyList<HeartbeatDecision> Nothing = [];
    private static readonly HeartbeatDecision.CancelPongDeadline Cancel = new();
    private static readonly IReadOnlyList<HeartbeatDecision> OnlyCancel = Array.AsReadOnly<HeartbeatDecision>([Cancel]);
    private readonly HeartbeatRules _rules;
    private readonly List<(long Sequence, TimeSpan SentAt)> _outstanding = [];
    private long _nextSequence = 1;
    private long _deadlineFor;
    private TimeSpan _lastInbound;
    private bool _connected;
    private bool _dead;

    /// <summary>Creates the monitor for <paramref name="rules"/>.</summary>
    public HeartbeatMonitor(HeartbeatRules rules) => _rules = rules ?? throw new ArgumentNullException(nameof(rules));

    /// <summary>Pings sent and not yet answered, oldest first.</summary>
    public int OutstandingPings => _outstanding.Count;

    /// <summary>True once a death was declared.</summary>
    public bool IsDead => _dead;

    /// <summary>
    /// The grid that ticks at <paramref name="interval"/> are aligned to: a tenth of the interval, at most
    /// <see cref="MaxTickGrid"/>. Connections started at random phases then ping in at most ten groups per
    /// interval (or one group every 100 ms for intervals over a second), each group sharing one wake-up,
    /// while the first tick still comes within one interval and one grid step.
    /// </summary>
    public static TimeSpan TickGrid(TimeSpan interval) =>
        TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 10, 1, MaxTickGrid.Ticks));

    /// <summary>The connection is up at <paramref name="now"/>; <paramref name="phaseSample"/> in [0, 1) picks the first tick's phase.</summary>
    public IReadOnlyList<HeartbeatDecision> Connected(TimeSpan now, double phaseSample)
    {
        Actors.Patterns.BackoffDelay.CheckSample(phaseSample);
        if (_connected)
        {
            throw new InvalidOperationException("Connected was already reported; create a new monitor for a new connection.");
        }

        _connected = true;
        _lastInbound = now;
        var decisions = new List<HeartbeatDecision>(2);
        if (_rules.Heartbeat is { } heartbeat)
        {
            decisions.Add(new HeartbeatDecision.StartTicks(heartbeat.Interval * phaseSample, heartbeat.Interval, TickGrid(heartbeat.Interval)));
        }

        if (_rules.IdleTimeout is { } idle)
        {
            decisions.Add(new HeartbeatDecision.ArmIdleCheck(idle));
        }

        return decisions;
    }

    /// <summary>The ping tick fired at <paramref name="now"/>; <paramref name="unixMilliseconds"/> is the wall-clock time for <c>{ts}</c>.</summary>
    public IReadOnlyList<HeartbeatDecision> Tick(TimeSpan now, long unixMilliseconds)
    {
        if (_dead || !_connected || _rules.Heartbeat is not { } heartbeat)
        {
            return Nothing;
        }

        HeartbeatDecision? deadline = null;
        if (_outstanding.Count > 0 && _deadlineFor == 0)
        {
            // Timeout >= interval: the previous tick sent the oldest unanswered ping without a deadline timer.
            var (oldest, sentAt) = _outstanding[0];
            var left = sentAt + heartbeat.Timeout - now;
            deadline = ArmDeadline(oldest, left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        var sequence = _nextSequence++;
        _outstanding.Add((sequence, now));
        if (_outstanding.Count == 1 && heartbeat.Timeout < heartbeat.Interval)
        {
            deadline = ArmDeadline(sequence, heartbeat.Timeout);
        }

        var ping = new HeartbeatDecision.SendPing(sequence, heartbeat.Payload.RenderPing(sequence, unixMilliseconds));
        return deadline is null ? new HeartbeatDecision[] { ping } : new[] { ping, deadline };
    }

    /// <summary>
    /// The longest single postponement of a verdict while bytes from the peer wait undelivered
    /// (see <see cref="PongDeadlineElapsed"/>): 100 ms, or the timeout when that is shorter.
    /// </summary>
    public static readonly TimeSpan PendingInputStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The pong deadline armed for ping <paramref name="sequence"/> fired at <paramref name="now"/>. A
    /// stale deadline (its ping was answered, or it belongs to an older one) decides nothing; one that
    /// fires early is re-armed for the remainder. Past the timeout the peer is declared dead — unless
    /// <paramref name="inputPending"/> says bytes from the peer have arrived that the connection has not
    /// delivered yet (a starved process, not a silent peer): the verdict then waits in steps of
    /// <see cref="PendingInputStep"/> (at most the timeout each) for as long as bytes keep waiting, up to
    /// twice the timeout after the ping in all, so an answer already on its way is not taken for
    /// silence. A peer that sends nothing is still declared dead at the timeout.
    /// </summary>
    public IReadOnlyList<HeartbeatDecision> PongDeadlineElapsed(long sequence, TimeSpan now, bool inputPending = false)
    {
        if (_dead || _rules.Heartbeat is not { } heartbeat || _outstanding.Count == 0 || _outstanding[0].Sequence != sequence)
        {
            return Nothing;
        }

        var waited = now - _outstanding[0].SentAt;
        if (waited < heartbeat.Timeout)
        {
            // A deadline that fires early (a clock adjustment) is re-armed for the remainder.
            return new[] { ArmDeadline(sequence, heartbeat.Timeout - waited) };
        }

        var extended = heartbeat.Timeout + heartbeat.Timeout;
        if (inputPending && waited < extended)
        {
            var step = PendingInputStep < heartbeat.Timeout ? PendingInputStep : heartbeat.Timeout;
            var left = extended - waited;
            return new[] { ArmDeadline(sequence, step < left ? step : left) };
        }

        return Die(DisconnectReason.HeartbeatTimeout,
            $"no answer to ping {sequence} within {Format(heartbeat.Timeout)}");
    }

    /// <summary>The idle check fired at <paramref name="now"/>.</summary>
    public IReadOnlyList<HeartbeatDecision> IdleCheckElapsed(TimeSpan now)
    {
        if (_dead || _rules.IdleTimeout is not { } idle)
        {
            return Nothing;
        }

        var quiet = now - _lastInbound;
        return quiet >= idle
            ? Die(DisconnectReason.IdleTimeout, $"nothing received for {Format(quiet)}")
            : new HeartbeatDecision[] { new HeartbeatDecision.ArmIdleCheck(idle - quiet) };
    }

    /// <summary>
    /// A text message arrived at <paramref name="now"/>. <paramref name="consumed"/> is true for a pong
    /// or a peer ping (heartbeat traffic the application does not see), false for application data.
    /// </summary>
    public IReadOnlyList<HeartbeatDecision> TextReceived(string text, TimeSpan now, out bool consumed)
    {
        ArgumentNullException.ThrowIfNull(text);
        consumed = false;
        if (_dead)
        {
            return Nothing;
        }

        _lastInbound = now;
        if (_rules.Heartbeat is { } heartbeat && heartbeat.Pong.MatchesAnswer(text, heartbeat.Correlate, out var field, out var sequence))
        {
            consumed = true;
            return Answer(heartbeat, field, sequence, now);
        }

        HeartbeatDecision? reply = null;
        if (_rules.Respond is { } respond && respond.Ping.Matches(text, out var ping, out var value))
        {
            consumed = true;
            using (ping)
            {
                reply = new HeartbeatDecision.SendReply(respond.Reply.RenderReply(value, ping));
            }
        }

        var cancel = AnswerAll();
        return (reply, cancel) switch
        {
            (null, false) => Nothing,
            (null, true) => OnlyCancel,
            (_, false) => new[] { reply },
            _ => new[] { reply, Cancel },
        };
    }

    /// <summary>A binary message arrived at <paramref name="now"/> (always application data).</summary>
    public IReadOnlyList<HeartbeatDecision> BinaryReceived(TimeSpan now)
    {
        if (_dead)
        {
            return Nothing;
        }

        _lastInbound = now;
        return AnswerAll() ? OnlyCancel : Nothing;
    }

    /// <summary>With count-any-inbound, any message answers every outstanding ping; true when that cancels the deadline.</summary>
    private bool AnswerAll()
    {
        if (_rules.Heartbeat is { CountAnyInbound: true } && _outstanding.Count > 0)
        {
            _outstanding.Clear();
            return DisarmDeadline();
        }

        return false;
    }

    private IReadOnlyList<HeartbeatDecision> Answer(ApplicationHeartbeat heartbeat, SequenceField field, long sequence, TimeSpan now)
    {
        var answered = 0;
        if (field != SequenceField.Absent)
        {
            if (field == SequenceField.Unreadable)
            {
                return Nothing;
            }

            for (var i = 0; i < _outstanding.Count && answered == 0; i++)
            {
                if (_outstanding[i].Sequence == sequence)
                {
                    answered = i + 1;
                }
            }

            if (answered == 0)
            {
                return Nothing;
            }
        }
        else if (_outstanding.Count > 0)
        {
            answered = 1;
        }

        if (answered == 0)
        {
            return Nothing;
        }

        // A deadline timer, when armed, is for the oldest ping, which is always among those answered.
        var rearm = _deadlineFor != 0;
        var decisions = new HeartbeatDecision[rearm ? answered + 1 : answered];
        for (var i = 0; i < answered; i++)
        {
            decisions[i] = new HeartbeatDecision.RoundTripMeasured(_outstanding[i].Sequence, now - _outstanding[i].SentAt);
        }

        _outstanding.RemoveRange(0, answered);
        if (rearm && _outstanding.Count == 0)
        {
            DisarmDeadline();
            decisions[answered] = Cancel;
        }
        else if (rearm)
        {
            var (oldest, sentAt) = _outstanding[0];
            var left = sentAt + heartbeat.Timeout - now;
            decisions[answered] = ArmDeadline(oldest, left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        return decisions;
    }

    private HeartbeatDecision.ArmPongDeadline ArmDeadline(long sequence, TimeSpan after)
    {
        _deadlineFor = sequence;
        return new HeartbeatDecision.ArmPongDeadline(sequence, after);
    }

    /// <summary>Forgets the armed deadline; true when there was one (its timer is to be cancelled).</summary>
    private bool DisarmDeadline()
    {
        var armed = _deadlineFor != 0;
        _deadlineFor = 0;
        return armed;
    }

    private IReadOnlyList<HeartbeatDecision> Die(DisconnectReason reason, string detail)
    {
        _dead = true;
        _outstanding.Clear();
        _deadlineFor = 0;
        return new HeartbeatDecision[] { new HeartbeatDecision.DeclareDead(reason, detail) };
    }

    private static string Format(TimeSpan span) =>
        span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
