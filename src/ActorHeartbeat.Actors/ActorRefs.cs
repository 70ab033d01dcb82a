namespace ActorHeartbeat.Actors;

/// <summary>Well-known sender values.</summary>
public static class ActorRefs
{
    /// <summary>No sender: a reply to it goes to dead letters. Equal to <c>null</c>.</summary>
    public static readonly IActorRef? NoSender;
}
