using ActorHeartbeat.Core;

namespace ActorHeartbeat.Registry;

/// <summary>The reply to <see cref="LivenessRegistry.GetLiveness"/>.</summary>
/// <param name="Connections">One entry per connection, ordered by id.</param>
public sealed record LivenessSnapshot(IReadOnlyList<ConnectionLiveness> Connections);
