namespace ActorHeartbeat.Settings;

/// <summary>What a full send buffer does with one more message (HOCON <c>send-buffer.overflow</c>).</summary>
public enum OverflowPolicy
{
    /// <summary><c>reject</c>: the new message is refused and its sender gets an error.</summary>
    Reject,

    /// <summary><c>drop-oldest</c>: the oldest buffered message is dropped and counted.</summary>
    DropOldest,
}
