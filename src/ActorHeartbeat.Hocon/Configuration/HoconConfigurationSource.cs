using Microsoft.Extensions.Configuration;

namespace ActorHeartbeat.Hocon.Configuration;

/// <summary>
/// A HOCON file as a source of <see cref="IConfiguration"/> values. Usually added with
/// <see cref="HoconConfigurationExtensions.AddHoconFile(IConfigurationBuilder, string, bool, bool)"/>.
/// </summary>
/// <remarks>
/// The file is parsed and its substitutions resolved on its own (no reference.conf fallback); the
/// resolved tree is flattened by <see cref="HoconConfigurationProvider"/>. Relative includes are
/// located next to the file when the file provider exposes a physical path.
/// </remarks>
public sealed class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>
    /// Gets or sets the environment lookup used for the <c>${NAME}</c> fallback of substitutions that the
    /// file does not define. <see langword="null"/> (the default) reads the process environment.
    /// </summary>
    public Func<string, string?>? Environment { get; set; }

    /// <summary>Builds the provider, filling in the builder's default file provider and load-error handler.</summary>
    /// <param name="builder">The builder the source was added to.</param>
    /// <returns>A new <see cref="HoconConfigurationProvider"/> for this source.</returns>
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
