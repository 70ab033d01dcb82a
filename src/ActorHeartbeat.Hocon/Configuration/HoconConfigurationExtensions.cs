using ActorHeartbeat.Hocon.Configuration;
using Microsoft.Extensions.FileProviders;

// Extension methods for IConfigurationBuilder live in its namespace (as AddJsonFile does), so
// builder.Configuration.AddHoconFile(...) needs no extra using directive.
namespace Microsoft.Extensions.Configuration;

/// <summary>Adds HOCON files to an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds the HOCON file at <paramref name="path"/>; the file must exist.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="path">The file; a relative path is located by the builder's file provider (its base path).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path)
        => AddHoconFile(builder, provider: null, path, optional: false, reloadOnChange: false);

    /// <summary>Adds the HOCON file at <paramref name="path"/>.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="path">The file; a relative path is located by the builder's file provider (its base path).</param>
    /// <param name="optional">Whether a missing file is allowed (it then contributes no keys).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional)
        => AddHoconFile(builder, provider: null, path, optional, reloadOnChange: false);

    /// <summary>Adds the HOCON file at <paramref name="path"/>.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="path">The file; a relative path is located by the builder's file provider (its base path).</param>
    /// <param name="optional">Whether a missing file is allowed (it then contributes no keys).</param>
    /// <param name="reloadOnChange">Whether to reload the keys when the file changes (included files are not watched).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional, bool reloadOnChange)
        => AddHoconFile(builder, provider: null, path, optional, reloadOnChange);

    /// <summary>Adds the HOCON file at <paramref name="path"/> of <paramref name="provider"/>.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="provider">The file provider, or <see langword="null"/> for the builder's (or, for an absolute path, one on its directory).</param>
    /// <param name="path">The file, relative to <paramref name="provider"/>.</param>
    /// <param name="optional">Whether a missing file is allowed (it then contributes no keys).</param>
    /// <param name="reloadOnChange">Whether to reload the keys when the file changes (included files are not watched).</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static IConfigurationBuilder AddHoconFile(
        this IConfigurationBuilder builder, IFileProvider? provider, string path, bool optional, bool reloadOnChange)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddHoconFile(source =>
        {
            source.FileProvider = provider;
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds a HOCON file source configured by <paramref name="configureSource"/>.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="configureSource">Sets the path, file provider, optionality, reload and environment lookup of the source.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, Action<HoconConfigurationSource>? configureSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(configureSource);
    }
}
