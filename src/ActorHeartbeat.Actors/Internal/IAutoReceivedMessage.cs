namespace ActorHeartbeat.Actors.Internal;

/// <summary>Marks messages the actor cell interprets before the actor's behaviour sees them.</summary>
internal interface IAutoReceivedMessage;
