using System.Diagnostics;
using System.Globalization;

namespace Ingestion.DevStorage;

/// <summary>Stops a child process as an operator would: SIGTERM, a wait, then SIGKILL to its tree.</summary>
public static class GracefulStop
{
    /// <param name="abandon">When cancelled, the wait is over and the process is killed.</param>
    /// <returns>True when it exited on its own; false when it had to be killed.</returns>
    public static async Task<bool> StopAsync(Process process, CancellationToken abandon)
    {
        if (process.HasExited) return true;
        if (!OperatingSystem.IsWindows())
        {
            // .NET has no API to send SIGTERM to another process; kill(1) is everywhere a POSIX shell is.
            using (var term = Process.Start("kill", ["-s", "TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(abandon);
                return true;
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
            }
        }
        if (process.HasExited) return true;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        return false;
    }

    public static async Task<bool> StopAsync(Process process, TimeSpan timeout)
    {
        using var abandon = new CancellationTokenSource(timeout);
        return await StopAsync(process, abandon.Token);
    }
}
