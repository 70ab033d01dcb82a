using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>A connection defined with <c>AddConnection</c>.</summary>
/// <param name="Id">The connection id.</param>
/// <param name="Url">The URL as given.</param>
/// <param name="Configure">Changes to the defaults, or null.</param>
/// <param name="DefinedAt">Where it was defined (<c>file:line</c> of the call), for error messages.</param>
internal sealed record CodeConnection(string Id, string Url, Func<ConnectionSettings, ConnectionSettings>? Configure, string DefinedAt);
