namespace ActorHeartbeat.Actors.Patterns;

/// <summary>When a <see cref="BackoffSupervisor"/> restarts its child.</summary>
public enum BackoffMode
{
    /// <summary>
    /// When the child fails with an exception the decider answers with Restart: the child is stopped and
    /// started again after the backoff delay. A child that stops by itself stops the supervisor too.
    /// </summary>
    OnFailure,

    /// <summary>When the child stops, for any reason: it is started again after the backoff delay.</summary>
    OnStop,
}
