using System.Globalization;
using ActorHeartbeat.Core;

namespace ActorHeartbeat.Cli.Demo;

/// <summary>Renders a <see cref="DemoReport"/> as the readable summary printed at the end of a run.</summary>
internal static class DemoSummary
{
    public static IReadOnlyList<string> Render(DemoReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Faults: {report.Faults.Count} injected, {report.Detected} detected ({report.DetectedWithinBound} within their bound), {report.Recovered} recovered{(report.Skipped > 0 ? $", {report.Skipped} skipped" : "")}."),
            report.Latency is var (min, median, max)
                ? $"Detection latency: min {DemoLines.Seconds(min)}, median {DemoLines.Seconds(median)}, max {DemoLines.Seconds(max)}."
                : "Detection latency: nothing detected.",
            string.Create(CultureInfo.InvariantCulture,
                $"Connections: {report.ConnectionsUp}/{report.Connections} up at the end; {report.Reconnects} reconnects; {report.UnexpectedDowns} healthy connections declared dead."),
        };

        if (report.Faults.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add($"{"#",3}  {"at",7}  {"connection",-13} {"fault",-17} {"bound",7}  {"detected in",11}  {"reason",-18} {"recovered in",12}");
            var start = report.Faults[0].InjectedAt - report.Faults[0].Fault.At;
            foreach (var f in report.Faults)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{f.Fault.Id,3}  {DemoLines.Seconds(f.InjectedAt - start),7}  {f.Connection,-13} {DemoNames.Of(f.Fault.Kind),-17} {DemoLines.Seconds(f.Bound),7}  {Detected(f),11}  {f.Reason?.ToKebab() ?? "-",-18} {Recovered(f),12}"));
            }
        }

        lines.Add(string.Empty);
        lines.Add(report.Succeeded
            ? "Result: every injected fault was detected and every connection recovered."
            : $"Result: FAILED — {Failures(report)}.");
        return lines;
    }

    private static string Detected(FaultOutcome f) => f.Latency is { } latency
        ? DemoLines.Seconds(latency) + (f.WithinBound ? string.Empty : "!")
        : "never";

    private static string Recovered(FaultOutcome f) => f.RecoveredAt is { } at && f.DetectedAt is { } detected
        ? DemoLines.Seconds(at - detected)
        : "no";

    private static string Failures(DemoReport report)
    {
        var failures = new List<string>();
        if (report.Detected < report.Faults.Count)
        {
            failures.Add($"{report.Faults.Count - report.Detected} faults undetected");
        }

        if (report.Recovered < report.Faults.Count)
        {
            failures.Add($"{report.Faults.Count - report.Recovered} faults not recovered");
        }

        if (!report.AllUp)
        {
            failures.Add($"{report.Connections - report.ConnectionsUp} connections not up");
        }

        return string.Join(", ", failures);
    }
}
