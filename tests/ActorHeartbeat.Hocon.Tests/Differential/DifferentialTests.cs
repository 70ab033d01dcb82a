using ActorHeartbeat.Testing;
using System.Text;

namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>
/// Our parser against Lightbend Config 1.3.1 on the corpus: the same JSON (compared as trees) or both an
/// error, for every case except the listed <see cref="KnownDifferences"/>.
/// </summary>
public sealed class DifferentialTests(DifferentialRun run) : IClassFixture<DifferentialRun>
{
    [SkippableFact]
    public void EveryCase_MatchesTheReference_ExceptKnownDifferences()
    {
        RequiredPeers.RequireOrSkip(ReferenceImplementation.MissingPeerReason());
        var report = new StringBuilder();
        int mismatches = 0;

        for (int i = 0; i < Corpus.Cases.Count; i++)
        {
            string name = Path.GetFileName(Corpus.Cases[i]);
            if (KnownDifferences.Table.ContainsKey(name))
            {
                continue;
            }

            CaseOutcome reference = run.Reference[i];
            CaseOutcome ours = run.Ours[i];
            string? problem = Compare(reference, ours)
                ?? CheckCorpusIntent(name, reference);
            if (problem is not null)
            {
                mismatches++;
                report.AppendLine($"--- {name}")
                    .AppendLine($"  reference: {Shorten(reference.ToString())}")
                    .AppendLine($"  ours:      {Shorten(ours.ToString())}")
                    .AppendLine($"  problem:   {problem}");
            }
        }

        Assert.True(
            mismatches == 0,
            $"{mismatches} of {Corpus.Cases.Count} corpus cases differ from Lightbend Config 1.3.1 "
            + $"(a case that should differ belongs in KnownDifferences and README.md):\n{report}");
    }

    [SkippableFact]
    public void KnownDifferences_StillDifferFromTheReference()
    {
        RequiredPeers.RequireOrSkip(ReferenceImplementation.MissingPeerReason());
        var stale = new List<string>();
        foreach (string name in KnownDifferences.Table.Keys)
        {
            int index = IndexOf(name);
            if (Compare(run.Reference[index], run.Ours[index]) is null)
            {
                stale.Add($"{name}: both give {Shorten(run.Ours[index].ToString())}");
            }
        }

        Assert.True(stale.Count == 0, "Known differences that no longer differ (remove them from KnownDifferences and README.md):\n" + string.Join('\n', stale));
    }

    [Fact]
    public void KnownDifferences_OurParserGivesTheExpectedOutcome()
    {
        var wrong = new List<string>();
        foreach ((string name, KnownDifference difference) in KnownDifferences.Table)
        {
            CaseOutcome ours = run.Ours[IndexOf(name)];
            CaseOutcome expected = difference.Expected == "ERROR"
                ? CaseOutcome.Error(string.Empty)
                : CaseOutcome.FromDriverLine(difference.Expected);
            string? problem = Compare(expected, ours);
            if (problem is not null)
            {
                wrong.Add($"{name}: expected {Shorten(difference.Expected)}, ours {Shorten(ours.ToString())}: {problem}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>Null when the outcomes agree: both errors, or both the same JSON tree.</summary>
    private static string? Compare(CaseOutcome expected, CaseOutcome actual)
    {
        if (actual.Kind == OutcomeKind.Crash)
        {
            return "our parser crashed instead of raising a HoconException";
        }

        if (expected.Kind != actual.Kind)
        {
            return expected.Kind == OutcomeKind.Error ? "expected an error, ours accepted the file" : "ours rejected a file that parses";
        }

        if (expected.Kind == OutcomeKind.Error)
        {
            return null;
        }

        try
        {
            return JsonTree.FindDifference(expected.Text, actual.Text);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    // The corpus says by name what a case is; the reference must agree unless the case is a known difference.
    private static string? CheckCorpusIntent(string name, CaseOutcome reference)
    {
        bool meantInvalid = name.StartsWith(Corpus.InvalidPrefix, StringComparison.Ordinal);
        bool rejected = reference.Kind == OutcomeKind.Error;
        return meantInvalid == rejected
            ? null
            : $"the corpus means this case to be {(meantInvalid ? "invalid" : "valid")} but the reference {(rejected ? "rejects" : "accepts")} it";
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + $"... ({text.Length} characters)";

    private static int IndexOf(string name)
    {
        for (int i = 0; i < Corpus.Cases.Count; i++)
        {
            if (Path.GetFileName(Corpus.Cases[i]) == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Known difference {name} is not a corpus case.");
    }
}
