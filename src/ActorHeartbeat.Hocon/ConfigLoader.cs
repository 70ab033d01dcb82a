
namespace ActorHeartbeat.Hocon;

/// <summary>
/// Loads ActorHeartbeat configuration: a file or text layered over the embedded defaults
/// (<c>hocon/reference.conf</c>, resource <c>ActorHeartbeat.Hocon.reference.conf</c>), then resolved, so
/// the file may refer to defaults with substitutions.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The name of the embedded reference configuration resource.</summary>
    public const string ReferenceResourceName = "ActorHeartbeat.Hocon.reference.conf";

    private static readonly Lazy<Config> LazyReference = new(LoadReference);

    /// <summary>The embedded reference configuration (every key with its default), resolved on its own.</summary>
    public static Config Reference => LazyReference.Value;

    /// <summary>Parses <paramref name="file"/>, falls back to <see cref="Reference"/> and resolves.</summary>
    /// <exception cref="HoconException">The file cannot be read or parsed, or a substitution cannot be resolved.</exception>
    public static Config Load(string file) =>
        HoconParser.ParseFile(file, new HoconParseOptions { Resolve = false }).WithFallback(Reference).Resolve();

    /// <summary>Parses <paramref name="text"/>, falls back to <see cref="Reference"/> and resolves.</summary>
    /// <exception cref="HoconException">The text cannot be parsed, or a substitution cannot be resolved.</exception>
    public static Config LoadText(string text, string sourceName = "<string>") =>
        HoconParser.Parse(text, sourceName, new HoconParseOptions { Resolve = false }).WithFallback(Reference).Resolve();

    private static Config LoadReference()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream(ReferenceResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ReferenceResourceName} is missing from {typeof(ConfigLoader).Assembly.GetName().Name}");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var text = Parsing.SourceReader.Decode(memory.ToArray(), "reference.conf");
        return HoconParser.Parse(text, "reference.conf");
    }
}
