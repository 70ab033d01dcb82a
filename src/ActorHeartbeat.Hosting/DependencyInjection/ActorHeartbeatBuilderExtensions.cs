using System.Runtime.CompilerServices;
using ActorHeartbeat.Hosting;
using ActorHeartbeat.Hosting.Internal;
using ActorHeartbeat.Settings;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Where the configuration of <see cref="IActorHeartbeatBuilder"/> comes from: HOCON files, HOCON text, connections in code.</summary>
public static class ActorHeartbeatBuilderExtensions
{
    /// <summary>
    /// Adds a HOCON file, read at host start. Files are layered in the order added (a later file's values
    /// win, objects merge), all over reference.conf, then substitutions are resolved; connections come from
    /// <c>actor-heartbeat.connections</c>, each merged onto <c>actor-heartbeat.connection-defaults</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file; a relative path is relative to the host's content root (the current directory without a host).</param>
    /// <param name="optional">Whether a missing file is skipped; default false: a missing file fails the host's start naming the full path.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IActorHeartbeatBuilder AddHoconFile(this IActorHeartbeatBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        builder.Services.Configure<ActorHeartbeatOptions>(o => o.Sources.Add(new HoconSource(path, null, path, optional)));
        return builder;
    }

    /// <summary>Adds HOCON text, layered like a file (see <see cref="AddHoconFile"/>) at its place in the order.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">The HOCON text.</param>
    /// <param name="sourceName">How the text is named in error messages (<c>name:line:column</c>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IActorHeartbeatBuilder AddHoconText(this IActorHeartbeatBuilder builder, string text, string sourceName = "<hocon text>")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        builder.Services.Configure<ActorHeartbeatOptions>(o => o.Sources.Add(new HoconSource(null, text, sourceName, false)));
        return builder;
    }

    /// <summary>
    /// Defines a connection in code. At host start its settings are the configured
    /// <c>connection-defaults</c> (HOCON files over reference.conf) with <paramref name="url"/>, then
    /// <paramref name="configure"/> returns the changes. An id also defined in HOCON or by another
    /// <c>AddConnection</c> fails the host's start with a message naming both places; so does a bad URL or
    /// a callback that throws, returns null or changes the id.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The connection id.</param>
    /// <param name="url">A <c>ws://</c> or <c>wss://</c> URL.</param>
    /// <param name="configure">Returns the settings to use from the defaults, e.g. <c>c => c with { SendBufferCapacity = 64 }</c>; null to keep them.</param>
    /// <param name="callerFile">Filled in by the compiler: where the call is, for error messages.</param>
    /// <param name="callerLine">Filled in by the compiler: where the call is, for error messages.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IActorHeartbeatBuilder AddConnection(
        this IActorHeartbeatBuilder builder,
        string id,
        string url,
        Func<ConnectionSettings, ConnectionSettings>? configure = null,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(url);
        var definedAt = callerFile.Length > 0 ? $"{Path.GetFileName(callerFile)}:{callerLine}" : "code";
        builder.Services.Configure<ActorHeartbeatOptions>(o => o.Connections.Add(new CodeConnection(id, url, configure, definedAt)));
        return builder;
    }
}
