namespace ActorHeartbeat.Actors.Tests.Support;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards every message to a probe.</summary>
internal sealed class ForwardingActor : ReceiveActor
{
    public ForwardingActor(IActorRef target) => ReceiveAny(m => target.Forward(m));
}

/// <summary>Throws the exception it receives; answers "state" with its counter; counts other messages.</summary>
internal sealed class FailingActor : ReceiveActor
{
    private int _count;

    public FailingActor(Recorder? recorder = null, string name = "child")
    {
        recorder?.Add($"{name}:ctor");
        Receive<Exception>(e => throw e);
        Receive<string>(s => s == "state", _ => Sender.Tell(_count, Self));
        ReceiveAny(_ => _count++);
        Recorder = recorder;
        Name = name;
    }

    private Recorder? Recorder { get; }

    private string Name { get; }

    protected override void PreStart() => Recorder?.Add($"{Name}:pre-start");

    protected override void PostStop() => Recorder?.Add($"{Name}:post-stop");

    protected override void PreRestart(Exception reason, object? message)
    {
        Recorder?.Add($"{Name}:pre-restart({reason.Message},{(message as Exception)?.Message ?? message?.ToString() ?? "null"})");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        Recorder?.Add($"{Name}:post-restart({reason.Message})");
        base.PostRestart(reason);
    }
}

/// <summary>A parent that creates one child from the given props and supervises it with the given strategy.</summary>
internal sealed class SupervisorActor : ReceiveActor
{
    private readonly ActorHeartbeat.Actors.Supervision.SupervisorStrategy _strategy;

    public SupervisorActor(Props childProps, ActorHeartbeat.Actors.Supervision.SupervisorStrategy strategy, IActorRef? report = null)
    {
        _strategy = strategy;
        var child = Context.ActorOf(childProps, "child");
        report?.Tell(child);
        Receive<string>(s => s == "child", _ => Sender.Tell(Context.Child("child") ?? (object)"none"));
        ReceiveAny(m => child.Forward(m));
    }

    protected override ActorHeartbeat.Actors.Supervision.SupervisorStrategy SupervisorStrategy() => _strategy;
}
