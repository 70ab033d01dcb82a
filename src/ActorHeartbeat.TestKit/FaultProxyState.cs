namespace ActorHeartbeat.TestKit;

/// <summary>
/// One immutable snapshot of the proxy's data modes. A mode switch publishes a new snapshot and
/// completes <see cref="Superseded"/> of the old one, which wakes every flow waiting on it (frozen,
/// or part way through a delay) so that the switch reaches existing connections at once.
/// </summary>
internal sealed class FaultProxyState
{
    private readonly TaskCompletionSource _superseded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FaultProxyState(FaultProxyRule clientToServer, FaultProxyRule serverToClient)
    {
        ClientToServer = clientToServer;
        ServerToClient = serverToClient;
    }

    public FaultProxyRule ClientToServer { get; }

    public FaultProxyRule ServerToClient { get; }

    /// <summary>Completes when a newer snapshot replaces this one.</summary>
    public Task Superseded => _superseded.Task;

    public FaultProxyRule For(FaultDirection direction) =>
        direction == FaultDirection.ClientToServer ? ClientToServer : ServerToClient;

    public void Supersede() => _superseded.TrySetResult();

    public override string ToString() => $"client->server {ClientToServer}, server->client {ServerToClient}";
}
