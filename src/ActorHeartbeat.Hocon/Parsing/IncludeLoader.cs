using ActorHeartbeat.Hocon.Model;

namespace ActorHeartbeat.Hocon.Parsing;

/// <summary>
/// Carries out include statements: finds the file(s) relative to the including file, parses them and merges
/// their fields into the including object as if written in place of the statement. A missing file is
/// ignored unless the include is <c>required(...)</c>; a name without a known extension loads
/// <c>name.properties</c>, <c>name.json</c> and <c>name.conf</c> (all that exist, in that order).
/// </summary>
internal static class IncludeLoader
{
    private static readonly string[] KnownExtensions = [".properties", ".json", ".conf"];

    public static void Include(
        IncludeSpec spec,
        HoconObject target,
        HoconPath? objectPath,
        SourceContext source,
        ParseSession session,
        int depth)
    {
        var fileName = ToFileName(spec);
        var basePath = Path.IsPathRooted(fileName) ? fileName : Path.Combine(source.BaseDirectory, fileName);
        var files = FindFiles(basePath);
        if (files.Count == 0)
        {
            if (spec.Required)
            {
                throw HoconException.At(spec.Origin, $"required include '{spec.Name}' was not found (looked for {Describe(basePath)})");
            }

            return;
        }

        foreach (var file in files)
        {
            var included = ParseIncludedFile(file, spec, objectPath ?? HoconPath.Root, session, depth);
            foreach (var (key, value) in included.Fields)
            {
                ValueMerger.MergeField(target, key, value, inPlace: true);
            }
        }
    }

    private static string ToFileName(IncludeSpec spec)
    {
        switch (spec.Kind)
        {
            case IncludeKind.Classpath:
                throw HoconException.At(spec.Origin, $"cannot include classpath(\"{spec.Name}\"): there are no classpath resources on .NET; include a file instead");
            case IncludeKind.Url:
                return UrlToFile(spec);
            case IncludeKind.Heuristic when LooksLikeUrl(spec.Name):
                return UrlToFile(spec);
            default:
                if (spec.Name.Length == 0)
                {
                    throw HoconException.At(spec.Origin, "an include needs a file name, found an empty string");
                }

                return spec.Name;
        }
    }

    private static bool LooksLikeUrl(string name) =>
        name.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || name.Contains("://", StringComparison.Ordinal);

    private static string UrlToFile(IncludeSpec spec)
    {
        if (Uri.TryCreate(spec.Name, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            return uri.LocalPath;
        }

        throw HoconException.At(spec.Origin, $"cannot include '{spec.Name}': only files can be included (URLs other than file: are not supported)");
    }

    private static List<string> FindFiles(string basePath)
    {
        var extension = Path.GetExtension(basePath);
        if (KnownExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return File.Exists(basePath) ? [basePath] : [];
        }

        var found = KnownExtensions.Select(e => basePath + e).Where(File.Exists).ToList();
        if (found.Count == 0 && File.Exists(basePath))
        {
            found.Add(basePath);
        }

        return found;
    }

    private static string Describe(string basePath)
    {
        var extension = Path.GetExtension(basePath);
        return KnownExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? basePath
            : string.Join(", ", KnownExtensions.Select(e => basePath + e).Append(basePath));
    }

    private static HoconObject ParseIncludedFile(string file, IncludeSpec spec, HoconPath prefix, ParseSession session, int depth)
    {
        var fullPath = Path.GetFullPath(file);
        var open = session.OpenFiles.FindIndex(f => string.Equals(f, fullPath, StringComparison.Ordinal));
        if (open >= 0)
        {
            var chain = string.Join(" → ", session.OpenFileNames.Skip(open).Append(file));
            throw HoconException.At(spec.Origin, $"include cycle: {chain}");
        }

        if (session.OpenFiles.Count >= HoconLimits.MaxIncludeDepth)
        {
            throw HoconException.At(spec.Origin, $"includes nested more than {HoconLimits.MaxIncludeDepth} levels deep");
        }

        var text = SourceReader.ReadFile(file, file);
        session.OpenFiles.Add(fullPath);
        session.OpenFileNames.Add(file);
        try
        {
            if (file.EndsWith(".properties", StringComparison.OrdinalIgnoreCase))
            {
                return PropertiesParser.Parse(text, file);
            }

            var directory = Path.GetDirectoryName(file) ?? string.Empty;
            return Parser.ParseDocument(text, new SourceContext(file, directory, prefix, depth), session);
        }
        finally
        {
            session.OpenFiles.RemoveAt(session.OpenFiles.Count - 1);
            session.OpenFileNames.RemoveAt(session.OpenFileNames.Count - 1);
        }
    }
}
