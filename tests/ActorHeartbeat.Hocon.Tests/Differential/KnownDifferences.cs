namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>A corpus case where our parser deliberately differs from Lightbend Config 1.3.1.</summary>
/// <param name="Reason">What the reference does and why ours differs (README.md lists the same).</param>
/// <param name="Expected">
/// What our parser must give: <c>ERROR</c>, or <c>OK &lt;json&gt;</c> (compared as a tree). This is the
/// spec's outcome, or for one of our documented limits, the limit's error.
/// </param>
internal sealed record KnownDifference(string Reason, string Expected);

/// <summary>
/// The intended differences from the reference, by corpus file. DifferentialTests checks that each one
/// still differs and that our parser gives <see cref="KnownDifference.Expected"/>, so an entry cannot
/// outlive its cause. README.md ("HOCON: differences from Lightbend Config 1.3.1") lists the same entries.
/// </summary>
internal static class KnownDifferences
{
    /// <summary>Length of the substitution chain in subst-long-backward-chain.conf.</summary>
    public const int ChainLength = 3000;

    private const string BasicIncluded = """OK {"included-a":1,"shared":"from-included","obj":{"from-included":true}}""";

    public static IReadOnlyDictionary<string, KnownDifference> Table { get; } = new Dictionary<string, KnownDifference>(StringComparer.Ordinal)
    {
        ["number-big-integer.conf"] = new(
            "1.3.1 turns an integer literal outside the 64-bit range into a string; the spec's numbers are JSON's, so it stays a number",
            """OK {"a":123456789012345678901234567890}"""),
        ["include-file-syntax.conf"] = new(
            "1.3.1 resolves a relative include file(\"...\") against the process's working directory (so here it silently includes nothing); "
            + "the spec locates relative files next to the including file and forbids using the working directory",
            BasicIncluded),
        ["include-required-file-syntax.conf"] = new(
            "as include-file-syntax.conf, with required(): 1.3.1 fails because the file is not in the working directory",
            BasicIncluded),
        ["err-concat-array-string.conf"] = new(
            "1.3.1 silently drops an unquoted string that follows an array after whitespace ([1] foo gives [1]); "
            + "the spec makes a concatenation of an array and a string an error",
            "ERROR"),
        ["err-concat-array-unquoted-suffix.conf"] = new(
            "1.3.1 silently drops an unquoted string right after an array ([1]b gives [1]); the spec makes it an error",
            "ERROR"),
        ["subst-long-backward-chain.conf"] = new(
            $"1.3.1 fails with a StackOverflowError on a chain of {ChainLength} substitutions (x1 = ${{x0}}, x2 = ${{x1}}, ...); the spec has no limit and ours resolves it",
            "OK " + ChainJson()),
        ["limit-nesting-depth-600.conf"] = new(
            "our documented limit: objects and arrays nested deeper than 500 levels are an error (HoconLimits.MaxNestingDepth) "
            + "rather than a risk of stack overflow; 1.3.1 accepts 600 levels (and overflows its stack at a few thousand)",
            "ERROR"),
    };

    private static string ChainJson() =>
        "{" + string.Join(',', Enumerable.Range(0, ChainLength).Select(i => $"\"x{i}\":1")) + "}";
}
