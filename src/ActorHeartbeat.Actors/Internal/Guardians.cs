using ActorHeartbeat.Actors.Supervision;

namespace ActorHeartbeat.Actors.Internal;

/// <summary>The root of the hierarchy: it stops (and so ends the system) once the user guardian has stopped.</summary>
internal sealed class RootGuardian : ActorBase
{
    protected internal override bool Receive(object message)
    {
        if (message is Terminated terminated && terminated.ActorRef.Path.Name == "user")
        {
            Context.Stop(Self);
        }

        return true;
    }

    protected override void PreStart() => Context.Watch(Context.Child("user")!);

    protected override SupervisorStrategy SupervisorStrategy() => Supervision.SupervisorStrategy.StoppingStrategy;
}

/// <summary>The parent of top-level actors (<c>/user</c>) and of kernel actors (<c>/system</c>).</summary>
internal sealed class Guardian : ActorBase
{
    protected internal override bool Receive(object message) => false;
}
