using ActorHeartbeat.Core;
using Spectre.Console;

namespace ActorHeartbeat.Cli.Commands;

/// <summary>The live table of <c>run</c> and <c>demo</c>: one row per connection.</summary>
internal static class LiveTable
{
    public static Table Render(IReadOnlyList<ConnectionLiveness> connections, DateTimeOffset now, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in new[] { "connection", "state", "since", "rtt p50/p99", "restarts", "last reason", "next retry" })
        {
            table.AddColumn(column);
        }

        foreach (var c in connections)
        {
            table.AddRow(
                Markup.Escape(c.Id),
                State(c.State),
                Ago(now - c.Since),
                c.RoundTrip is { } rtt ? $"{rtt.P50.TotalMilliseconds:0.0} / {rtt.P99.TotalMilliseconds:0.0} ms" : "-",
                c.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.LastReason is { } reason ? reason.ToKebab() : "-",
                c.NextAttemptAt is { } next ? $"in {Math.Max(0, (next - now).TotalSeconds):0.0} s" : "-");
        }

        return table;
    }

    private static string State(ConnectionState state) => state switch
    {
        ConnectionState.Up => "[green]up[/]",
        ConnectionState.Connecting => "[yellow]connecting[/]",
        ConnectionState.BackingOff => "[yellow]backing-off[/]",
        ConnectionState.Down => "[red]down[/]",
        ConnectionState.GaveUp => "[red bold]gave-up[/]",
        _ => state.ToString(),
    };

    private static string Ago(TimeSpan span) =>
        span.TotalSeconds < 90 ? $"{Math.Max(0, span.TotalSeconds):0}s ago" :
        span.TotalMinutes < 90 ? $"{span.TotalMinutes:0}m ago" : $"{span.TotalHours:0.0}h ago";
}
