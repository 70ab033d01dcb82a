namespace ActorHeartbeat.Actors.Internal;

/// <summary>A ref that takes system messages (supervision and death watch) besides ordinary ones.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>The system the ref belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>True once the actor has stopped for good.</summary>
    bool IsTerminated { get; }

    /// <summary>Delivers a system message; processed before any ordinary message, also after the actor stopped.</summary>
    void SendSystemMessage(SystemMessage message);
}
