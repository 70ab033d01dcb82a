namespace ActorHeartbeat.Core;

/// <summary>What an answer's correlate field held (<see cref="MessageMatcher.MatchesAnswer"/>).</summary>
internal enum SequenceField
{
    /// <summary>No such field (or no field was asked for).</summary>
    Absent,

    /// <summary>The field holds something that is not a sequence number.</summary>
    Unreadable,

    /// <summary>The field holds a sequence number.</summary>
    Read,
}
