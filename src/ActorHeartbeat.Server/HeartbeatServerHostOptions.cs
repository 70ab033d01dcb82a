using ActorHeartbeat.Actors;
using Microsoft.Extensions.Logging;

namespace ActorHeartbeat.Server;

/// <summary>How <see cref="HeartbeatServerHost"/> runs the server.</summary>
public sealed record HeartbeatServerHostOptions
{
    /// <summary>The default listen address: loopback on a free port.</summary>
    public const string LoopbackFreePort = "http://127.0.0.1:0";

    /// <summary>Where Kestrel listens, ';'-separated as in ASP.NET Core's <c>--urls</c>; port 0 picks a free port. Default <see cref="LoopbackFreePort"/>.</summary>
    public string Urls { get; init; } = LoopbackFreePort;

    /// <summary>An actor system to run the sessions in (it is not terminated with the host); null: the host creates its own and terminates it on dispose.</summary>
    public ActorSystem? ActorSystem { get; init; }

    /// <summary>The clock of the actor system the host creates; null for the system clock. Ignored with <see cref="ActorSystem"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Samples for the phase of each session's first ping; null for the system's random source.</summary>
    public IRandomSource? Random { get; init; }

    /// <summary>Adds logging providers; null: no logs (ASP.NET Core's console logging is removed either way).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
