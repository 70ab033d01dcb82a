using System.Runtime.CompilerServices;
using ActorHeartbeat.Actors;

namespace ActorHeartbeat.TestKit.Tests.Actors;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Swallows every message.</summary>
internal sealed class BlackHoleActor : ReceiveActor
{
    public BlackHoleActor() => ReceiveAny(_ => { });
}

/// <summary>Tells <see cref="AskingActor"/> to send "ping" to its target.</summary>
internal sealed record StartAsking;

/// <summary>What <see cref="AskingActor"/> got back, and from whom.</summary>
internal sealed record Answer(string Text, IActorRef Sender);

/// <summary>On <see cref="StartAsking"/> sends "ping" to <c>target</c>; reports each string reply to <c>listener</c>.</summary>
internal sealed class AskingActor : ReceiveActor
{
    public AskingActor(IActorRef target, IActorRef listener)
    {
        Receive<StartAsking>(_ => target.Tell("ping", Self));
        Receive<string>(text => listener.Tell(new Answer(text, Sender), Self));
    }
}

/// <summary>Given n, messages itself n times (n-1, ..., 0), then tells <c>listener</c> "done".</summary>
internal sealed class CountdownActor : ReceiveActor
{
    public CountdownActor(IActorRef listener) =>
        Receive<int>(n =>
        {
            if (n > 0)
            {
                Self.Tell(n - 1, Self);
            }
            else
            {
                listener.Tell("done", Self);
            }
        });
}

/// <summary>Keeps messaging itself forever once it gets "spin": the system never becomes idle.</summary>
internal sealed class SpinningActor : ReceiveActor
{
    public SpinningActor() => Receive<string>(m => Self.Tell(m, Self));
}

/// <summary>A heartbeat as relayed by <see cref="TimeStampingActor"/>, with the clock when the relay handled it.</summary>
internal sealed record Stamped(Beat Beat, DateTimeOffset RelayedAt);

/// <summary>Relays every <see cref="Beat"/> to <c>listener</c>, stamped with the system clock.</summary>
internal sealed class TimeStampingActor : ReceiveActor
{
    public TimeStampingActor(IActorRef listener) =>
        Receive<Beat>(b => listener.Tell(new Stamped(b, Context.System.TimeProvider.GetUtcNow()), Self));
}

/// <summary>Increments a shared counter per message (for conditions polled from the test thread).</summary>
internal sealed class CountingActor : ReceiveActor
{
    public CountingActor(StrongBox<int> counter) => ReceiveAny(_ => Interlocked.Increment(ref counter.Value));
}
