using System.Diagnostics;
using System.Globalization;

namespace ActorHeartbeat.Cli.Tests.Peers;

/// <summary>Sends POSIX signals to processes through the system's <c>kill</c> command.</summary>
internal static class Signals
{
    /// <summary>Sends <paramref name="signal"/> (e.g. <c>STOP</c>, <c>TERM</c>) to <paramref name="pid"/>; fails when kill does.</summary>
    public static async Task SendAsync(int pid, string signal)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add("-" + signal);
        info.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(info) ?? throw new InvalidOperationException("kill could not be started.");
        var stderr = kill.StandardError.ReadToEndAsync();
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} exited with {kill.ExitCode}: {await stderr}");
        }
    }
}
