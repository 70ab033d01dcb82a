namespace ActorHeartbeat.Actors;

/// <summary>Placeholder until the project's first type lands.</summary>
internal static class AssemblyMarker
{
}
