using System.CommandLine;
using System.CommandLine.Parsing;
using ActorHeartbeat.Cli.Commands;

namespace ActorHeartbeat.Cli;

/// <summary>
/// Entry point of the <c>actorheartbeat</c> command. Each subcommand lives in its own file under
/// <c>Commands/</c> and is registered in <see cref="BuildRootCommand"/>.
/// </summary>
internal static class Program
{
    /// <summary>The name users type, used in messages.</summary>
    public const string CommandName = "actorheartbeat";

    /// <summary>Runs the command line with the console streams.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "Keeps WebSocket connections alive and honest: heartbeats, supervised reconnects, a live registry.");
        root.Subcommands.Add(Demo.DemoCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the chosen command, writing normal output to
    /// <paramref name="output"/> and diagnostics to <paramref name="error"/>.
    /// </summary>
    /// <returns>An exit code from <see cref="ExitCodes"/>: usage errors are <see cref="ExitCodes.BadInput"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ParseResult parseResult = BuildRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine reports usage errors with exit code 1; ours is 2 (DESIGN "Exit codes").
            foreach (ParseError parseError in parseResult.Errors)
            {
                error.WriteLine($"{CommandName}: {parseError.Message}");
            }

            error.WriteLine($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.");
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parseResult.Invoke(invocation);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Commands report the failures they expect; whatever escapes is a runtime failure with its trace.
            error.WriteLine($"{CommandName}: unexpected failure: {exception}");
            return ExitCodes.RuntimeFailure;
        }
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                names.Push(c is RootCommand ? CommandName : c.Name);
            }
        }

        return string.Join(' ', names);
    }
}
