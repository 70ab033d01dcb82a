using ActorHeartbeat.Actors;
using ActorHeartbeat.Server;
using ActorHeartbeat.Server.Sessions;
using ActorHeartbeat.TestKit;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>
/// The demo's real faults: each connection reaches the server through its own <see cref="FaultProxy"/>,
/// which freezes, resets, refuses or delays it; a peer close is asked of the server itself, which
/// finds the session by the <c>client=</c> query of its request.
/// </summary>
internal sealed class DemoFaults(IReadOnlyList<FaultProxy> proxies, IReadOnlyList<string> ids, IActorRef server, DemoTimings timings, TextWriter error) : IFaultInjector
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public void Inject(PlannedFault fault)
    {
        var proxy = proxies[fault.Connection];
        switch (fault.Kind)
        {
            case FaultKind.FrozenPeer:
                proxy.Freeze();
                break;
            case FaultKind.DroppedTcp:
                proxy.ResetAll();
                break;
            case FaultKind.RefusedConnects:
                proxy.Refuse();
                proxy.ResetAll();
                break;
            case FaultKind.SlowPongs:
                proxy.Delay(timings.SlowDelay, FaultDirection.ServerToClient);
                break;
            case FaultKind.PeerClose:
                _ = CloseSessionAsync(ids[fault.Connection]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown fault kind.");
        }
    }

    public void Heal(PlannedFault fault)
    {
        if (fault.Kind is FaultKind.FrozenPeer or FaultKind.RefusedConnects or FaultKind.SlowPongs)
        {
            proxies[fault.Connection].Pass();
        }
    }

    /// <summary>The query that names a demo client to the server.</summary>
    public static string QueryOf(string id) => "?client=" + Uri.EscapeDataString(id);

    private async Task CloseSessionAsync(string id)
    {
        var query = QueryOf(id);
        try
        {
            var sessions = await server.Ask<SessionsSnapshot>(new ServerSupervisor.GetSessions(s => s.Query == query), AskTimeout).ConfigureAwait(false);
            if (sessions.Sessions.Count == 0)
            {
                error.WriteLine($"{Program.CommandName} demo: peer-close: the server has no session for {id}");
                return;
            }

            foreach (var session in sessions.Sessions)
            {
                server.Tell(new ServerSupervisor.Disconnect(session.Info.Id));
            }
        }
        catch (AskTimeoutException e)
        {
            error.WriteLine($"{Program.CommandName} demo: peer-close of {id}: {e.Message}");
        }
    }
}
