namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>
/// Runs the whole corpus through both implementations at most once per test run (one JVM), shared by
/// the tests of <see cref="DifferentialTests"/>.
/// </summary>
public sealed class DifferentialRun
{
    private readonly Lazy<IReadOnlyList<CaseOutcome>> _reference = new(() => ReferenceImplementation.Run(Corpus.Cases));
    private readonly Lazy<IReadOnlyList<CaseOutcome>> _ours = new(() => Corpus.Cases.Select(OurImplementation.Run).ToArray());

    internal IReadOnlyList<CaseOutcome> Reference => _reference.Value;

    internal IReadOnlyList<CaseOutcome> Ours => _ours.Value;
}
