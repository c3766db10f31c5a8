using System.Diagnostics;
using System.Globalization;

namespace Ingestion.DevStorage;

/// <summary>Starts a program under <c>watchdog.sh</c>, which stops it when this process is gone.</summary>
internal static class Watchdog
{
    private static readonly string Script = ReadScript();

    public static ProcessStartInfo StartInfo(string program, string workingDirectory)
    {
        var start = new ProcessStartInfo { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (OperatingSystem.IsWindows())
        {
            // no POSIX shell: the emulator runs directly (and may outlive a killed parent)
            start.FileName = program;
            return start;
        }
        start.FileName = "bash";
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(program);
        start.Environment["WATCHDOG_PARENT"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        return start;
    }

    private static string ReadScript()
    {
        using var stream = typeof(Watchdog).Assembly.GetManifestResourceStream("Ingestion.DevStorage.watchdog.sh")
            ?? throw new InvalidOperationException("watchdog.sh is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
