namespace ActorHeartbeat.Hosting;

/// <summary>
/// A send through <see cref="IHeartbeatConnections"/> was refused and the message was not sent: the
/// connection id is unknown, its send buffer is full (<c>overflow = reject</c>), or it is being removed,
/// shutting down or gave up.
/// </summary>
public sealed class SendRejectedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="connection">The connection id the send named.</param>
    /// <param name="reason">Why it was refused, in words.</param>
    public SendRejectedException(string connection, string reason)
        : base($"send on connection '{connection}' was refused: {reason}")
    {
        Connection = connection;
        Reason = reason;
    }

    /// <summary>The connection id the send named.</summary>
    public string Connection { get; }

    /// <summary>Why it was refused, in words.</summary>
    public string Reason { get; }
}
