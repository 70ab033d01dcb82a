namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>
/// The differential corpus (the <c>Corpus</c> folder, copied to the output directory): every top-level
/// <c>*.conf</c> is a case; files under <c>Corpus/inc/</c> are only included by cases. Case names start
/// with their feature; cases that must be rejected start with <c>err-</c>.
/// </summary>
internal static class Corpus
{
    /// <summary>The prefix of the cases that are invalid HOCON (per the spec).</summary>
    public const string InvalidPrefix = "err-";

    /// <summary>
    /// The environment both implementations see for the <c>${NAME}</c> fallback: exactly these variables
    /// (the reference runs with a cleared environment plus these; ours through HoconParseOptions.Environment).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AHB_CORPUS_STR"] = "from-env",
        ["AHB_CORPUS_NUM"] = "42",
        ["AHB_CORPUS_EMPTY"] = string.Empty,
        ["AHB_CORPUS_SPACES"] = "a  b",
        ["AHB_CORPUS_UNICODE"] = "gr\u00fc\u00df",
    };

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>The case files (full paths), ordered by file name.</summary>
    public static IReadOnlyList<string> Cases { get; } = System.IO.Directory
        .GetFiles(Directory, "*.conf", SearchOption.TopDirectoryOnly)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static bool IsInvalid(string caseFile) => Path.GetFileName(caseFile).StartsWith(InvalidPrefix, StringComparison.Ordinal);

    public static HoconParseOptions ParseOptions { get; } = new()
    {
        Environment = name => Environment.TryGetValue(name, out string? value) ? value : null,
    };
}
