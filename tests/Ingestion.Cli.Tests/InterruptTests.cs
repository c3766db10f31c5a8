using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ingestion.DevStorage;
using Ingestion.Testing;

namespace Ingestion.Cli.Tests;

/// <summary>
/// Ctrl+C on a running <c>ingest up</c>, as a user at a terminal gives it: the real binary as a child in a process
/// group of its own (POSIX: <c>setsid</c>, <c>kill</c>), SIGINT to that whole group (Azurite gets it too) or to
/// <c>ingest</c> alone (it must then stop Azurite itself, after the host).
/// </summary>
public class InterruptTests
{
    /// <summary>
    /// A hang detector, not a speed target: an interrupted run takes about a second; without the fix it sat 24 s
    /// and more in the host's stop, retrying against Azurite that had gone (minutes if interrupted mid-drop).
    /// </summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sigint_stops_a_serving_up_with_exit_code_130_one_line_and_nothing_left_running(bool wholeGroup)
    {
        // The run keeps Azurite's data in .azurite/ of the repository it finds from its working directory: give it a
        // scratch one (package.json, and the repository's installed node_modules) so the real .azurite/ is untouched.
        await SharedAzurite.GetAsync(); // installs the pinned Azurite on first use
        var root = Directory.CreateTempSubdirectory("ingest-interrupt-").FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root, "package.json"), Path.Combine(root, "package.json"));
        Directory.CreateSymbolicLink(Path.Combine(root, "node_modules"), Path.Combine(RepositoryPaths.Root, "node_modules"));
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "dotnet", Path.Combine(RepositoryPaths.OutputOf("Ingestion.Cli"), "ingest.dll"), "up", "--urls", url, "--seeds", RepositoryPaths.Seeds })
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var ingest = Process.Start(start)!;
        ingest.OutputDataReceived += (_, e) => { lock (stdout) stdout.AppendLine(e.Data); };
        ingest.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        ingest.BeginOutputReadLine();
        ingest.BeginErrorReadLine();
        string Output() { lock (stdout) lock (stderr) return stdout + "\n--- stderr:\n" + stderr; }
        try
        {
            // setsid runs in the child before it execs dotnet: its process id then leads the group a Ctrl+C signals
            await Poll.UntilAsync(() => Task.FromResult(ProcessGroupOf(ingest.Id)), group => group == ingest.Id, TimeSpan.FromSeconds(10), "ingest in a process group of its own");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Poll.UntilAsync(async () =>
            {
                try { return (await http.GetAsync(url + "/api/health/live")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, live => live, TimeSpan.FromSeconds(120), "ingest up serving /api/health/live", TimeSpan.FromMilliseconds(250));
            await Poll.UntilAsync(() => Task.FromResult(Output().Contains("Ctrl+C to stop", StringComparison.Ordinal)), seen => seen,
                TimeSpan.FromSeconds(120), "ingest up done with the seeds and serving", TimeSpan.FromMilliseconds(250));
            Assert.NotEmpty(ProcessesUnder(root)); // its Azurite, whose arguments name the scratch repository

            int signalledAt;
            lock (stdout) signalledAt = stdout.Length;
            await SignalAsync("INT", wholeGroup ? "-" + ingest.Id : ingest.Id.ToString(CultureInfo.InvariantCulture));
            using var bound = new CancellationTokenSource(ExitBound);
            await ingest.WaitForExitAsync(bound.Token);

            Assert.True(130 == ingest.ExitCode, $"exit code {ingest.ExitCode}\n{Output()}");
            string errors;
            lock (stderr) errors = stderr.ToString().Trim();
            Assert.Equal("ingest: interrupted by SIGINT; everything it started has stopped", errors);
            string afterSignal;
            lock (stdout) afterSignal = stdout.ToString(signalledAt, stdout.Length - signalledAt);
            Assert.DoesNotContain("Exception", afterSignal, StringComparison.Ordinal); // no stack traces, no retry reports
            Assert.Empty(ProcessesUnder(root));
        }
        finally
        {
            if (!ingest.HasExited) await SignalAsync("KILL", "-" + ingest.Id);
            foreach (var pid in ProcessesUnder(root)) await SignalAsync("KILL", pid.ToString(CultureInfo.InvariantCulture));
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task SignalAsync(string signal, string target)
    {
        using var kill = Process.Start("kill", ["-s", signal, "--", target])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>The process group: the fifth field of /proc/PID/stat (the second, the name, is in parentheses).</summary>
    private static int ProcessGroupOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2], CultureInfo.InvariantCulture);
    }

    /// <summary>Live processes whose command line names <paramref name="path"/> (Azurite and its watchdog name their repository).</summary>
    private static List<int> ProcessesUnder(string path)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(path, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException) { } // gone meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
