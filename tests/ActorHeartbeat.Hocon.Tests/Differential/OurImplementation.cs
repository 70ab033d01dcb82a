namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>Runs our parser on a corpus case the way the reference driver runs Lightbend Config.</summary>
internal static class OurImplementation
{
    /// <summary>A case that takes longer than this is reported as a hang (the corpus files are tiny).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static CaseOutcome Run(string caseFile)
    {
        Task<CaseOutcome> run = Task.Run(() => RunNow(caseFile));
        return run.Wait(Patience)
            ? run.Result
            : CaseOutcome.Crash($"no result within {Patience.TotalSeconds:0} s (hang?)");
    }

    /// <summary>The exception our parser threw for <paramref name="caseFile"/>, or null when it parsed.</summary>
    public static Exception? Failure(string caseFile)
    {
        try
        {
            HoconParser.ParseFile(caseFile, Corpus.ParseOptions);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static CaseOutcome RunNow(string caseFile)
    {
        try
        {
            return CaseOutcome.Ok(HoconParser.ParseFile(caseFile, Corpus.ParseOptions).ToJson());
        }
        catch (HoconException e)
        {
            return CaseOutcome.Error(e.Message);
        }
        catch (Exception e)
        {
            return CaseOutcome.Crash($"{e.GetType().FullName}: {e.Message}");
        }
    }
}
