namespace ActorHeartbeat.Hocon.Tests.Differential;

/// <summary>What one implementation made of one corpus file.</summary>
internal enum OutcomeKind
{
    /// <summary>Parsed and resolved; <see cref="CaseOutcome.Text"/> is the compact JSON of the root.</summary>
    Ok,

    /// <summary>Rejected with a proper error; <see cref="CaseOutcome.Text"/> is the message.</summary>
    Error,

    /// <summary>Our parser threw something other than a HoconException, or never returned: always a bug.</summary>
    Crash,
}

/// <summary>The outcome of parsing and resolving one file.</summary>
internal readonly record struct CaseOutcome(OutcomeKind Kind, string Text)
{
    public static CaseOutcome Ok(string json) => new(OutcomeKind.Ok, json);

    public static CaseOutcome Error(string message) => new(OutcomeKind.Error, message);

    public static CaseOutcome Crash(string description) => new(OutcomeKind.Crash, description);

    /// <summary>Reads one line of the Java driver: <c>OK &lt;json&gt;</c> or <c>ERROR &lt;message&gt;</c>.</summary>
    public static CaseOutcome FromDriverLine(string line) =>
        line.StartsWith("OK ", StringComparison.Ordinal) ? Ok(line[3..])
        : line.StartsWith("ERROR ", StringComparison.Ordinal) ? Error(line[6..])
        : throw new FormatException($"Unexpected line from the reference driver: '{line}'");

    public override string ToString() => $"{Kind.ToString().ToUpperInvariant()} {Text}";
}
