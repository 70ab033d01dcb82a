using System.Globalization;

namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>The parsed command line of the <c>actors</c> suite.</summary>
internal sealed record SuiteOptions(SuiteSizes Sizes, IReadOnlySet<string> Only)
{
    public const string Usage = """
        usage: actors [--quick] [--rounds N] [--only a,b,c,d,e]
               actors bdn [BenchmarkDotNet arguments]   (a)-(c) under BenchmarkDotNet, in process
          --quick      smaller sizes, whole suite in under two minutes
          --rounds N   alternating ours/baseline rounds per scenario (default 3 quick, 5 full)
          --only L     comma-separated scenario letters (default: all)
        """;

    private static readonly string[] AllScenarios = ["a", "b", "c", "d", "e"];

    /// <summary>Parses the arguments after <c>actors</c>; null (with the reason written to <paramref name="error"/>) when they are wrong.</summary>
    public static SuiteOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var quick = false;
        int? rounds = null;
        HashSet<string> only = [.. AllScenarios];
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--rounds":
                    if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    {
                        return Fail(error, $"--rounds needs a positive whole number, got '{(i + 1 < args.Count ? args[i + 1] : "nothing")}'");
                    }

                    rounds = n;
                    i++;
                    break;
                case "--only":
                    if (i + 1 >= args.Count)
                    {
                        return Fail(error, "--only needs a comma-separated list of scenario letters (a-e)");
                    }

                    only = [.. args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    var unknown = only.Where(s => !AllScenarios.Contains(s)).ToArray();
                    if (only.Count == 0 || unknown.Length > 0)
                    {
                        return Fail(error, $"--only: unknown scenario '{string.Join(",", unknown)}' in '{args[i + 1]}' (known: a, b, c, d, e)");
                    }

                    i++;
                    break;
                default:
                    return Fail(error, $"unexpected argument '{args[i]}'");
            }
        }

        var sizes = quick ? SuiteSizes.Quick : SuiteSizes.Full;
        if (rounds is { } r)
        {
            sizes = sizes with { Rounds = r };
        }

        return new SuiteOptions(sizes, only);
    }

    private static SuiteOptions? Fail(TextWriter error, string message)
    {
        error.WriteLine($"actors: {message}");
        error.WriteLine(Usage);
        return null;
    }
}
