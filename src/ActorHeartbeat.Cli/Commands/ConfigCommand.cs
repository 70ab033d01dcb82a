using System.CommandLine;
using System.CommandLine.Parsing;
using ActorHeartbeat.Hocon;

namespace ActorHeartbeat.Cli.Commands;

/// <summary>
/// <c>actorheartbeat config [--json] [--with-defaults] FILE</c>: parses and resolves FILE and prints the
/// result, as HOCON by default or as compact JSON with <c>--json</c>. Values stay as written, so durations
/// and sizes print as strings (<c>10s</c>, <c>1 MiB</c>). With <c>--with-defaults</c>, the embedded
/// reference.conf is the fallback before resolving (every key with its default appears, and FILE may
/// refer to default values).
/// </summary>
internal static class ConfigCommand
{
    /// <summary>Creates the <c>config</c> command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print compact JSON instead of HOCON.",
        };
        var withDefaults = new Option<bool>("--with-defaults")
        {
            Description = "Merge the built-in reference.conf under the file before resolving.",
        };
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "The HOCON configuration file.",
        };
        file.Validators.Add(RejectOptionLikeFile);
        var command = new Command("config", "Parse, resolve and print a configuration file.")
        {
            json,
            withDefaults,
            file,
        };
        command.SetAction(parseResult => Execute(
            parseResult.GetRequiredValue(file),
            parseResult.GetValue(json),
            parseResult.GetValue(withDefaults),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    // System.CommandLine hands an unknown option such as --yaml to the FILE argument; say what it is.
    private static void RejectOptionLikeFile(ArgumentResult result)
    {
        foreach (Token token in result.Tokens)
        {
            if (token.Value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{token.Value}' (write a file name that starts with '-' as ./{token.Value}).");
            }
        }
    }

    private static int Execute(FileInfo file, bool json, bool withDefaults, TextWriter output, TextWriter error)
    {
        if (Directory.Exists(file.FullName))
        {
            return Fail(error, ExitCodes.BadInput, $"{file.FullName}: is a directory, not a configuration file");
        }

        if (!file.Exists)
        {
            return Fail(error, ExitCodes.BadInput, $"{file.FullName}: file not found");
        }

        Config config;
        try
        {
            config = withDefaults ? ConfigLoader.Load(file.FullName) : HoconParser.ParseFile(file.FullName);
        }
        catch (HoconException exception)
        {
            return Fail(error, ExitCodes.BadInput, exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(error, ExitCodes.RuntimeFailure, $"{file.FullName}: cannot read: {exception.Message}");
        }

        string text = json ? config.ToJson() : config.ToHocon();
        output.Write(text);
        if (!text.EndsWith('\n'))
        {
            output.WriteLine();
        }

        return ExitCodes.Success;
    }

    private static int Fail(TextWriter error, int exitCode, string message)
    {
        error.WriteLine($"{Program.CommandName} config: {message}");
        return exitCode;
    }
}
