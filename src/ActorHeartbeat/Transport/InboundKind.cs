namespace ActorHeartbeat.Transport;

/// <summary>What a receive produced.</summary>
public enum InboundKind
{
    /// <summary>A complete text message.</summary>
    Text,

    /// <summary>A complete binary message.</summary>
    Binary,

    /// <summary>The peer sent a close frame.</summary>
    Close,

    /// <summary>The message grew past the size limit; nothing of it is kept.</summary>
    TooBig,
}
