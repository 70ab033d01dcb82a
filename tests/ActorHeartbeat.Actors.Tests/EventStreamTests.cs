using ActorHeartbeat.Actors.Tests.Support;

namespace ActorHeartbeat.Actors.Tests;

public sealed class EventStreamTests : TestKit.TestKit
{
    private record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    [Fact]
    public void Subscriber_ReceivesEventsOfTheChannelTypeAndItsSubtypes_Only()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));

        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish("not an animal");
        Sys.EventStream.Publish(new Animal("generic"));

        ExpectMsg(new Dog("rex"));
        ExpectMsg(new Animal("generic"));
        ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribe_StopsDelivery_AndDoubleSubscribeIsIgnored()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(string)));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(string)));
        Sys.EventStream.Publish("one");
        ExpectMsg("one");
        ExpectNoMsg();

        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(string)));
        Sys.EventStream.Publish("two");
        ExpectNoMsg();
    }

    [Fact]
    public void StoppedSubscriber_IsRemovedInsteadOfProducingDeadLetters()
    {
        var subscriber = Sys.ActorOf(Props.Create<EchoActor>());
        Sys.EventStream.Subscribe(subscriber, typeof(string));
        Watch(subscriber);
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);
        var deadLetters = Sys.DeadLetterCount;

        Sys.EventStream.Publish("after");
        WaitForIdle();

        Assert.Equal(deadLetters, Sys.DeadLetterCount);
        Assert.False(Sys.EventStream.Unsubscribe(subscriber));
    }
}
