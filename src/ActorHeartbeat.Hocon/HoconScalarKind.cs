namespace ActorHeartbeat.Hocon;

/// <summary>The JSON type of a <see cref="HoconScalar"/>.</summary>
public enum HoconScalarKind
{
    /// <summary>A quoted, triple-quoted or unquoted string, or a value concatenation.</summary>
    String,

    /// <summary>A number; its text is kept exactly as written.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
