namespace ActorHeartbeat.Benchmarks.Actors;

/// <summary>
/// The <c>actors</c> suite: the five actor-kernel scenarios, each beside a hand-written
/// baseline (one unbounded single-reader <see cref="System.Threading.Channels.Channel{T}"/> plus one
/// async loop per "actor"), alternating in one process. <c>actors bdn ...</c> hands (a)-(c) to
/// BenchmarkDotNet instead.
/// </summary>
internal static class ActorsBenchmark
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 0 && args[0] == "bdn")
        {
            return BdnEntry.Run(args[1..]);
        }

        var options = SuiteOptions.Parse(args, error);
        if (options is null)
        {
            return 2;
        }

#if DEBUG
        error.WriteLine("warning: this is a Debug build; run with -c Release for meaningful figures");
#endif
        return SuiteRunner.Run(options, output);
    }
}
