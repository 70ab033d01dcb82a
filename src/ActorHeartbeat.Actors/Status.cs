namespace ActorHeartbeat.Actors;

/// <summary>Replies that carry an outcome, used by Ask and PipeTo.</summary>
public static class Status
{
    /// <summary>A successful outcome (used by PipeTo for a null result).</summary>
    /// <param name="Value">The result, possibly null.</param>
    public sealed record Success(object? Value);

    /// <summary>A failed outcome. Replying with it makes a pending Ask fail with <paramref name="Cause"/>.</summary>
    /// <param name="Cause">What went wrong.</param>
    public sealed record Failure(Exception Cause);
}
