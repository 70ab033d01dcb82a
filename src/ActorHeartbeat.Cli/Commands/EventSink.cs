using ActorHeartbeat.Actors;
using ActorHeartbeat.Registry;

namespace ActorHeartbeat.Cli.Commands;

/// <summary>Writes every <see cref="ConnectionEvent"/> it receives as one line, flushed per line.</summary>
internal sealed class EventSink : ReceiveActor
{
    public EventSink(TextWriter output, Func<ConnectionEvent, string> format)
    {
        Receive<ConnectionEvent>(e =>
        {
            output.WriteLine(format(e));
            output.Flush();
        });
        Receive<Line>(line =>
        {
            output.WriteLine(line.Text);
            output.Flush();
        });
        Receive<Flush>(_ => Sender.Tell(Flush.Instance));
        ReceiveAny(_ => { });
    }

    /// <summary>A line formatted elsewhere, written in its turn among the events.</summary>
    public sealed record Line(string Text);

    /// <summary>Answered once every event sent to the sink before it has been written.</summary>
    public sealed record Flush
    {
        public static Flush Instance { get; } = new();
    }

    public static Props Props(TextWriter output, Func<ConnectionEvent, string> format) =>
        Actors.Props.Create(() => new EventSink(output, format));

    /// <summary>A readable line for a log that is not JSON.</summary>
    public static string Plain(ConnectionEvent e)
    {
        var parts = new List<string>
        {
            e.Timestamp.UtcDateTime.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture),
            e.Connection,
            EventLines.Name(e.Kind),
        };
        if (e.Attempt is { } attempt)
        {
            parts.Add($"attempt {attempt}");
        }

        if (e.Reason is { } reason)
        {
            parts.Add(Core.DisconnectReasons.ToKebab(reason));
        }

        if (e.Delay is { } delay)
        {
            parts.Add($"in {delay.TotalMilliseconds:0} ms");
        }

        if (e.Detail is { Length: > 0 } detail)
        {
            parts.Add($"({detail})");
        }

        return string.Join(' ', parts);
    }
}
