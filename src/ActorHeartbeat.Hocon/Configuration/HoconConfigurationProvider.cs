using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace ActorHeartbeat.Hocon.Configuration;

/// <summary>
/// Loads a HOCON file into <see cref="IConfiguration"/> key/value pairs: every path of the resolved tree
/// becomes a <c>:</c>-separated key (<c>a.b.c</c> becomes <c>a:b:c</c>) and array elements get their
/// zero-based index as a key segment (<c>tags:0</c>, <c>tags:1</c>), as the JSON provider does, so the
/// ordinary options binder works on it.
/// </summary>
/// <remarks>
/// <para>Values are the texts as written: strings as they resolve, numbers and booleans as their literal
/// (<c>1.5</c>, <c>true</c>), durations and sizes as strings (<c>10s</c>, <c>1 MiB</c>); HOCON <c>null</c>
/// becomes a <see langword="null"/> value. An empty object or array becomes its key with a
/// <see langword="null"/> value, so the section is known but has no children. Keys compare
/// case-insensitively, as everywhere in <see cref="IConfiguration"/>.</para>
/// <para>A syntax or resolution error on the first load throws the <see cref="HoconException"/> itself,
/// whose message names the file, line and column (unless <see cref="FileConfigurationSource.OnLoadException"/>
/// chooses to ignore it). On a reload the platform's file-provider rules apply: the data of this provider
/// is cleared and the error, wrapped in an <see cref="InvalidDataException"/>, goes to
/// <see cref="FileConfigurationSource.OnLoadException"/>. Only the file itself is watched for changes,
/// not the files it includes.</para>
/// </remarks>
public sealed class HoconConfigurationProvider : FileConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    /// <summary>Creates the provider for <paramref name="source"/>.</summary>
    /// <param name="source">The file, its file provider and its load options.</param>
    public HoconConfigurationProvider(HoconConfigurationSource source)
        : base(source)
    {
        _source = source;
    }

    /// <summary>Loads (or reloads) the file.</summary>
    /// <exception cref="HoconException">The file is not valid HOCON or a substitution cannot be resolved.</exception>
    /// <exception cref="FileNotFoundException">The file is missing and the source is not optional.</exception>
    public override void Load()
    {
        try
        {
            base.Load();
        }
        catch (InvalidDataException wrapper) when (wrapper.InnerException is HoconException hocon)
        {
            // The base class wraps every parse failure; the HOCON error already says where it is.
            ExceptionDispatchInfo.Throw(hocon);
        }
    }

    /// <summary>Parses and resolves the HOCON text of <paramref name="stream"/> (UTF-8) and replaces the data.</summary>
    /// <param name="stream">The content of the file.</param>
    /// <exception cref="HoconException">The text is not valid HOCON or a substitution cannot be resolved.</exception>
    public override void Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string text;
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            text = reader.ReadToEnd();
        }

        IFileInfo? file = _source.FileProvider?.GetFileInfo(_source.Path ?? string.Empty);
        string? physicalPath = file?.PhysicalPath;
        var options = new HoconParseOptions
        {
            // Without a physical location, relative includes fall back to the parser's default directory.
            BaseDirectory = physicalPath is null ? null : System.IO.Path.GetDirectoryName(physicalPath),
            Environment = _source.Environment,
        };
        Config config = HoconParser.Parse(text, physicalPath ?? _source.Path ?? "<stream>", options);
        Data = HoconConfigurationFlattener.Flatten(config.Root);
    }
}
