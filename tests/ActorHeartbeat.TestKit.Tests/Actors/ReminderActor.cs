using ActorHeartbeat.Actors;
using ActorHeartbeat.Actors.Timers;

namespace ActorHeartbeat.TestKit.Tests.Actors;

/// <summary>Asks <see cref="ReminderActor"/> to send <see cref="Reminded"/> after <paramref name="After"/>.</summary>
internal sealed record RemindMe(TimeSpan After);

/// <summary>The reminder, stamped with the system clock when the actor handled its timer.</summary>
internal sealed record Reminded(DateTimeOffset At);

/// <summary>Starts a single timer per <see cref="RemindMe"/> and reports it to the original sender.</summary>
internal sealed class ReminderActor : ReceiveActor, IWithTimers
{
    private IActorRef? _requester;

    public ReminderActor()
    {
        Receive<RemindMe>(m =>
        {
            _requester = Sender;
            Timers.StartSingleTimer("reminder", Due.Instance, m.After);
        });
        Receive<Due>(_ => _requester?.Tell(new Reminded(Context.System.TimeProvider.GetUtcNow()), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private sealed class Due
    {
        public static readonly Due Instance = new();
    }
}
