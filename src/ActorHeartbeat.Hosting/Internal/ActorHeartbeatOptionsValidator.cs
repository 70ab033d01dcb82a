using Microsoft.Extensions.Options;

namespace ActorHeartbeat.Hosting.Internal;

/// <summary>
/// Fails options validation (and so, with <c>ValidateOnStart</c>, the host's start) when the
/// configuration is wrong, with the resolver's message: <c>file:line:column: what</c> for a HOCON
/// error, both places for a duplicate id. Never falls back to defaults.
/// </summary>
internal sealed class ActorHeartbeatOptionsValidator(SettingsResolver resolver) : IValidateOptions<ActorHeartbeatOptions>
{
    public ValidateOptionsResult Validate(string? name, ActorHeartbeatOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        return resolver.Resolve(options) is { Error: { } error }
            ? ValidateOptionsResult.Fail($"ActorHeartbeat configuration: {error}")
            : ValidateOptionsResult.Success;
    }
}
