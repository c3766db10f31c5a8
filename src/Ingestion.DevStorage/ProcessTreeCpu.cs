using System.Diagnostics;
using System.Globalization;

namespace Ingestion.DevStorage;

/// <summary>CPU time used by the direct children of a process (the emulator under its watchdog shell), from /proc.</summary>
internal static class ProcessTreeCpu
{
    /// <summary>Null where the process tree cannot be read (not Linux, or the process is gone).</summary>
    public static TimeSpan? OfChildren(int processId)
    {
        var children = $"/proc/{processId}/task/{processId}/children";
        if (!OperatingSystem.IsLinux() || !File.Exists(children)) return null;
        var total = TimeSpan.Zero;
        foreach (var id in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var child = Process.GetProcessById(int.Parse(id, CultureInfo.InvariantCulture));
                total += child.TotalProcessorTime;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // exited between the listing and the read
            }
        }
        return total;
    }
}
