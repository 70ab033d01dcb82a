using ActorHeartbeat.Actors.Supervision;

namespace ActorHeartbeat.Actors;

/// <summary>
/// The recipe for creating an actor: a factory that is called for the first incarnation and again on
/// every restart, and optionally the strategy the actor uses to supervise its children. Immutable;
/// one instance can create any number of actors.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Func<ActorBase> factory, Type actorType, SupervisorStrategy? supervisorStrategy)
    {
        _factory = factory;
        ActorType = actorType;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The type of actor the factory creates (as declared; the factory may return a subtype).</summary>
    public Type ActorType { get; }

    /// <summary>
    /// The strategy that supervises this actor's children; overrides the actor's own
    /// <see cref="ActorBase.SupervisorStrategy"/> when set.
    /// </summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for an actor created with its parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(static () => new TActor(), typeof(TActor), null);

    /// <summary>Props for an actor created by <paramref name="factory"/> (called once per incarnation).</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="factory"/> is null.</exception>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory, nameof(factory));
        return new Props(factory, typeof(TActor), null);
    }

    /// <summary>Returns a copy that supervises the actor's children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(_factory, ActorType, strategy);
    }

    internal ActorBase NewActor() =>
        _factory() ?? throw new InvalidOperationException($"The Props factory for {ActorType.Name} returned null.");
}
