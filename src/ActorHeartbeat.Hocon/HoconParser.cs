using ActorHeartbeat.Hocon.Model;
using ActorHeartbeat.Hocon.Parsing;

namespace ActorHeartbeat.Hocon;

/// <summary>
/// Entry point: tokenizes, parses and (unless <see cref="HoconParseOptions.Resolve"/> is false) resolves
/// HOCON text. Every problem with the input is reported as a <see cref="HoconException"/> naming the file,
/// line and column; nothing else is thrown for bad input.
/// </summary>
public static class HoconParser
{
    /// <summary>Parses HOCON text.</summary>
    /// <param name="text">The configuration text.</param>
    /// <param name="sourceName">The name used in error messages and origins.</param>
    /// <param name="options">Options; relative includes resolve against <see cref="HoconParseOptions.BaseDirectory"/> or the current directory.</param>
    /// <exception cref="HoconException">Syntax, include or resolution error.</exception>
    public static Config Parse(string text, string sourceName = "<string>", HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new HoconParseOptions();
        var source = new SourceContext(sourceName, options.BaseDirectory ?? string.Empty, HoconPath.Root, 0);
        var root = Parser.ParseDocument(text, source, new ParseSession());
        return Finish(root, options);
    }

    /// <summary>Parses a UTF-8 HOCON file; its includes resolve relative to its directory.</summary>
    /// <param name="path">The file; it is named in errors and origins as given.</param>
    /// <param name="options">Options (<see cref="HoconParseOptions.BaseDirectory"/> is ignored).</param>
    /// <exception cref="HoconException">The file cannot be read, is not valid UTF-8, or has a syntax, include or resolution error.</exception>
    public static Config ParseFile(string path, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new HoconParseOptions();
        var text = SourceReader.ReadFile(path, path);
        var session = new ParseSession();
        session.OpenFiles.Add(Path.GetFullPath(path));
        session.OpenFileNames.Add(path);
        var source = new SourceContext(path, Path.GetDirectoryName(path) ?? string.Empty, HoconPath.Root, 0);
        var root = Parser.ParseDocument(text, source, session);
        return Finish(root, options);
    }

    private static Config Finish(HoconObject root, HoconParseOptions options)
    {
        var config = new Config(root, options.Environment ?? Config.DefaultEnvironment);
        return options.Resolve ? config.Resolve() : config;
    }
}
