using System.Text.RegularExpressions;

namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>Checks of the corpus and of our parser on it that need no reference implementation.</summary>
public sealed partial class CorpusTests
{
    [Fact]
    public void Corpus_HasAtLeast150Cases_AboutAThirdOfThemInvalid()
    {
        int total = Corpus.Cases.Count;
        int invalid = Corpus.Cases.Count(Corpus.IsInvalid);

        Assert.True(total >= 150, $"{total} cases");
        double share = (double)invalid / total;
        Assert.InRange(share, 0.25, 0.40);
    }

    [Fact]
    public void InvalidCases_FailWithAHoconExceptionNamingFileLineAndColumn()
    {
        var problems = new List<string>();
        foreach (string file in Corpus.Cases.Where(MustBeRejected))
        {
            Exception? failure = OurImplementation.Failure(file);
            string name = Path.GetFileName(file);
            if (failure is not HoconException hocon)
            {
                problems.Add($"{name}: {(failure is null ? "accepted" : $"threw {failure.GetType().Name}: {failure.Message}")}");
            }
            else if (!Location().IsMatch(hocon.Message) || hocon.Line < 1 || hocon.Column < 1)
            {
                problems.Add($"{name}: no file:line:column in '{hocon.Message}' (line {hocon.Line}, column {hocon.Column})");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void ValidCases_ParseAndResolve()
    {
        var problems = new List<string>();
        foreach (string file in Corpus.Cases.Where(file => !MustBeRejected(file)))
        {
            Exception? failure = OurImplementation.Failure(file);
            if (failure is not null)
            {
                problems.Add($"{Path.GetFileName(file)}: {failure.GetType().Name}: {failure.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void KnownDifferences_AreCorpusCases()
    {
        var names = Corpus.Cases.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        Assert.All(KnownDifferences.Table.Keys, name => Assert.Contains(name, names));
    }

    private static bool MustBeRejected(string file) =>
        KnownDifferences.Table.TryGetValue(Path.GetFileName(file), out KnownDifference? difference)
            ? difference.Expected == "ERROR"
            : Corpus.IsInvalid(file);

    [GeneratedRegex(@"[\w.-]+\.conf:\d+:\d+")]
    private static partial Regex Location();
}
