namespace ActorHeartbeat.Actors.Supervision;

/// <summary>Decides what happens to a child that failed.</summary>
public abstract class SupervisorStrategy
{
    /// <summary>
    /// The default for every actor: <see cref="DefaultDecider"/> with no limit on restarts.
    /// </summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops any child that fails.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>
    /// The default decider, as in Akka.NET: <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/> stop the child (a
    /// constructor that always throws would otherwise restart forever); every other exception restarts it.
    /// </summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>The directive for <paramref name="cause"/>.</summary>
    public abstract Directive Decide(Exception cause);

    /// <summary>
    /// Whether the child whose restart history is <paramref name="statistics"/> may restart once more at
    /// monotonic time <paramref name="now"/>; when this returns false the child is stopped instead.
    /// </summary>
    internal abstract bool RequestRestartPermission(RestartStatistics statistics, TimeSpan now);
}
