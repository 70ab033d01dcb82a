using ActorHeartbeat.Cli.Commands;
using ActorHeartbeat.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>The demo's live view: the connection table of <c>run</c>, and below it the latest faults.</summary>
internal static class DemoLiveView
{
    private const int FaultRows = 8;

    public static IRenderable Render(IReadOnlyList<ConnectionLiveness> connections, IReadOnlyList<FaultOutcome> faults, DateTimeOffset now, TimeSpan elapsed, TimeSpan duration)
    {
        var title = $"actorheartbeat demo: {connections.Count} connections, {elapsed.TotalSeconds:0} s of {duration.TotalSeconds:0} s (Ctrl+C to stop)";
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"faults: {faults.Count} injected, {faults.Count(f => f.DetectedAt is not null)} detected, {faults.Count(f => f.RecoveredAt is not null)} recovered"));
        foreach (var column in new[] { "#", "connection", "fault", "injected", "bound", "detected in", "reason", "recovered" })
        {
            table.AddColumn(column);
        }

        foreach (var f in faults.Skip(Math.Max(0, faults.Count - FaultRows)))
        {
            table.AddRow(
                f.Fault.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(f.Connection),
                DemoNames.Of(f.Fault.Kind),
                $"{(now - f.InjectedAt).TotalSeconds:0.0} s ago",
                DemoLines.Seconds(f.Bound),
                f.Latency is { } latency ? (f.WithinBound ? $"[green]{DemoLines.Seconds(latency)}[/]" : $"[red]{DemoLines.Seconds(latency)}[/]") : "[yellow]waiting[/]",
                f.Reason?.ToKebab() ?? "-",
                f.RecoveredAt is not null ? "[green]yes[/]" : "-");
        }

        return new Rows(LiveTable.Render(connections, now, title), table);
    }
}
