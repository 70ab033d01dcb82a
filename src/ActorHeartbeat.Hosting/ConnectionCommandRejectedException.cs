namespace ActorHeartbeat.Hosting;

/// <summary>
/// <see cref="IHeartbeatConnections.AddAsync"/> or <see cref="IHeartbeatConnections.RemoveAsync"/> was
/// refused by the connection manager: the id exists already (add) or is unknown (remove).
/// </summary>
public sealed class ConnectionCommandRejectedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="connection">The connection id the command named.</param>
    /// <param name="reason">Why it was refused, in words.</param>
    public ConnectionCommandRejectedException(string connection, string reason)
        : base($"connection '{connection}': {reason}")
    {
        Connection = connection;
        Reason = reason;
    }

    /// <summary>The connection id the command named.</summary>
    public string Connection { get; }

    /// <summary>Why it was refused, in words.</summary>
    public string Reason { get; }
}
