namespace ActorHeartbeat.Testing;

/// <summary>
/// The rule for tests that need an external peer (Java and Lightbend Config, Python websockets): skip with
/// the reason when it is missing, unless AHB_REQUIRE_PEERS=1 (as in .ci/run), which makes it a failure.
/// Compiled into every test project from tests/Shared.
/// </summary>
internal static class RequiredPeers
{
    public const string RequireVariable = "AHB_REQUIRE_PEERS";

    /// <summary>Returns when <paramref name="missingReason"/> is null; otherwise skips the test, or fails it when peers are required.</summary>
    public static void RequireOrSkip(string? missingReason)
    {
        if (missingReason is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"Required peer missing: {missingReason} ({RequireVariable}=1).");
        }

        Skip.If(true, $"Peer missing: {missingReason}. Set {RequireVariable}=1 to make this a failure.");
    }
}
