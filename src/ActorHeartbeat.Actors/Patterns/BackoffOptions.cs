using ActorHeartbeat.Actors.Supervision;

namespace ActorHeartbeat.Actors.Patterns;

/// <summary>
/// How a <see cref="BackoffSupervisor"/> restarts its child (Akka.NET's <c>BackoffOptions</c>): restart
/// n (counting from 0) waits <c>min · multiplier^n</c>, capped at <c>max</c>, stretched by the random
/// factor r to a uniform value in [d, d·(1+r)] — and, unlike Akka.NET, never above <c>max</c>. The
/// count resets once a child has stayed alive for the auto-reset period with no restart in between;
/// after <c>maxNrOfRetries</c> restarts the supervisor stops. Immutable.
/// </summary>
public sealed record BackoffOptions
{
    private BackoffOptions(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries)
    {
        Mode = mode;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        MaxNrOfRetries = maxNrOfRetries;
        ResetAfter = minBackoff;
        Validate();
    }

    /// <summary>When the child is restarted.</summary>
    public BackoffMode Mode { get; }

    /// <summary>How to create the child.</summary>
    public Props ChildProps { get; }

    /// <summary>The child's name (the same for every incarnation).</summary>
    public string ChildName { get; }

    /// <summary>The delay before the first restart.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>The longest delay, also after jitter.</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>Jitter: a delay d becomes uniform in [d, d·(1+factor)], capped at <see cref="MaxBackoff"/>. 0 disables.</summary>
    public double RandomFactor { get; }

    /// <summary>Restarts allowed before the supervisor stops; -1 for no limit.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The growth of the delay per restart. Default 2.</summary>
    public double Multiplier { get; private init; } = 2.0;

    /// <summary>
    /// How long a child must stay alive, with no restart in between, before the restart count resets to
    /// 0; null for manual reset only (send <see cref="BackoffSupervisor.Reset"/>). Default: <see cref="MinBackoff"/>, as in Akka.NET.
    /// </summary>
    public TimeSpan? ResetAfter { get; private init; }

    /// <summary>The random source of the jitter. Default <see cref="SystemRandomSource.Instance"/>.</summary>
    public IRandomSource Random { get; private init; } = SystemRandomSource.Instance;

    /// <summary>
    /// For <see cref="BackoffMode.OnFailure"/>: maps a child's exception to a directive; Restart means
    /// "restart after backoff". Default <see cref="SupervisorStrategy.DefaultDecider"/>. For
    /// <see cref="BackoffMode.OnStop"/>: how the child's failures are handled (default: restart at once,
    /// as Akka.NET; use <see cref="WithDefaultStoppingStrategy"/> to turn failures into stops).
    /// </summary>
    public Func<Exception, Directive> Decider { get; private init; } = SupervisorStrategy.DefaultDecider;

    /// <summary>Options that restart the child after backoff when it fails.</summary>
    /// <exception cref="ArgumentException">When a value is out of range (see <see cref="BackoffOptions"/>).</exception>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    /// <summary>Options that restart the child after backoff whenever it stops.</summary>
    /// <exception cref="ArgumentException">When a value is out of range (see <see cref="BackoffOptions"/>).</exception>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    /// <summary>Resets the restart count after a child stayed alive for <paramref name="resetBackoff"/>.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff)
    {
        if (resetBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(resetBackoff), resetBackoff, "The auto-reset period must be positive.");
        }

        return this with { ResetAfter = resetBackoff };
    }

    /// <summary>Resets the restart count only on <see cref="BackoffSupervisor.Reset"/>.</summary>
    public BackoffOptions WithManualReset() => this with { ResetAfter = null };

    /// <summary>Sets the growth of the delay per restart (at least 1).</summary>
    public BackoffOptions WithMultiplier(double multiplier)
    {
        if (!(multiplier >= 1.0) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The backoff multiplier must be a finite number of at least 1.");
        }

        return this with { Multiplier = multiplier };
    }

    /// <summary>Sets where the jitter's samples come from.</summary>
    public BackoffOptions WithRandomSource(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return this with { Random = random };
    }

    /// <summary>Sets the decider for the child's exceptions.</summary>
    public BackoffOptions WithDecider(Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        return this with { Decider = decider };
    }

    /// <summary>Makes every failure of the child stop it (with <see cref="BackoffMode.OnStop"/>: then restarted after backoff).</summary>
    public BackoffOptions WithDefaultStoppingStrategy() => this with { Decider = static _ => Directive.Stop };

    /// <summary>
    /// The delay before restart number <paramref name="restartCount"/> (0 for the first), given a
    /// uniform sample in [0, 1). Pure.
    /// </summary>
    public TimeSpan DelayFor(int restartCount, double sample) =>
        BackoffDelay.Exponential(MinBackoff, MaxBackoff, Multiplier, RandomFactor, restartCount, sample);

    private void Validate()
    {
        ArgumentNullException.ThrowIfNull(ChildProps, "childProps");
        ActorPath.ValidateName(ChildName, allowReserved: false);
        if (MinBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("minBackoff", MinBackoff, "minBackoff must be positive.");
        }

        if (MaxBackoff < MinBackoff)
        {
            throw new ArgumentOutOfRangeException("maxBackoff", MaxBackoff, $"maxBackoff must be at least minBackoff ({MinBackoff}).");
        }

        if (!(RandomFactor >= 0.0) || double.IsInfinity(RandomFactor))
        {
            throw new ArgumentOutOfRangeException("randomFactor", RandomFactor, "randomFactor must be a finite number of at least 0.");
        }

        if (MaxNrOfRetries < -1)
        {
            throw new ArgumentOutOfRangeException("maxNrOfRetries", MaxNrOfRetries, "maxNrOfRetries must be -1 (no limit) or at least 0.");
        }
    }
}
