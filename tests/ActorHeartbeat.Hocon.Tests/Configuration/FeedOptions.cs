using Microsoft.Extensions.Configuration;

namespace ActorHeartbeat.Hocon.Tests.Configuration;

/// <summary>An options class as an application would bind it from a HOCON section.</summary>
internal sealed class FeedOptions
{
    public string Name { get; set; } = string.Empty;

    public int Port { get; set; }

    // HOCON keys are hyphenated; the binder matches property names, so the key is named explicitly.
    [ConfigurationKeyName("connect-timeout")]
    public string ConnectTimeout { get; set; } = string.Empty;

    public double Ratio { get; set; }

    public TlsOptions Tls { get; set; } = new();

    public List<EndpointOptions> Endpoints { get; set; } = [];

    public Dictionary<string, string> Headers { get; set; } = [];
}

internal sealed class TlsOptions
{
    public bool Verify { get; set; }

    public List<string> Protocols { get; set; } = [];
}

internal sealed class EndpointOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; }
}
