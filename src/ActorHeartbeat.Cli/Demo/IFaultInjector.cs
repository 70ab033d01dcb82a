namespace ActorHeartbeat.Cli.Demo;

/// <summary>Carries out faults: the demo's real one drives fault proxies and the server; tests record calls.</summary>
internal interface IFaultInjector
{
    /// <summary>Starts <paramref name="fault"/>. Throws <see cref="InvalidOperationException"/> when it cannot be applied now.</summary>
    void Inject(PlannedFault fault);

    /// <summary>Lifts <paramref name="fault"/> (nothing to do for faults that are over once done).</summary>
    void Heal(PlannedFault fault);
}
