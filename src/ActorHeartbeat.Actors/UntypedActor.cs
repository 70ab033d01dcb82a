namespace ActorHeartbeat.Actors;

/// <summary>
/// An actor with a single <see cref="OnReceive"/> method. Every message is considered handled unless
/// the method calls <see cref="ActorBase.Unhandled"/> itself. The leanest actor base.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles one message.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }
}
