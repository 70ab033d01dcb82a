namespace ActorHeartbeat.Cli;

/// <summary>The process exit codes of <c>actorheartbeat</c> (a public contract, see DESIGN "The command line").</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Something failed while running: I/O, network, an unexpected exception.</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Bad usage or bad configuration; the message on stderr names the file and line where one applies.</summary>
    public const int BadInput = 2;
}
