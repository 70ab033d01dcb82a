namespace ActorHeartbeat.Actors.Events;

/// <summary>
/// Published on the event stream when an actor throws: from a message handler, a lifecycle hook, or
/// its constructor. Supervision decides what happens next; this event only reports.
/// </summary>
/// <param name="Actor">The failing actor.</param>
/// <param name="Cause">The exception.</param>
/// <param name="Stage">Where it was thrown: <c>receive</c>, <c>create</c>, <c>pre-restart</c>, <c>post-stop</c>, ...</param>
public sealed record ActorFailure(IActorRef Actor, Exception Cause, string Stage);
