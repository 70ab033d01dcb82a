using ActorHeartbeat.Hocon;
using ActorHeartbeat.Settings;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>The outcome of <see cref="SettingsResolver.Resolve"/>: settings, or the error that names where the configuration is wrong.</summary>
/// <param name="Settings">Every connection (HOCON and code), ordered by id, and the global settings; null on error.</param>
/// <param name="Defaults">The resolved <c>actor-heartbeat.connection-defaults</c>; null on error.</param>
/// <param name="Error">The error message (<c>file:line:column: what</c> for HOCON errors); null on success.</param>
internal sealed record ResolvedSettings(ActorHeartbeatSettings? Settings, Config? Defaults, string? Error);
