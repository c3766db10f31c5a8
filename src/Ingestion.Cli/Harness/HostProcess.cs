using System.Diagnostics;
using System.Net.Sockets;
using Ingestion.DevStorage;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Cli.Harness;

/// <summary>
/// The standalone host as a child process (the same binary `dotnet run --project src/Ingestion.Host` runs), so a
/// load or chaos run can measure its memory and kill it with SIGKILL like a crashed machine.
/// </summary>
internal sealed class HostProcess : IRunHost
{
    private readonly Process _process;
    private long _peakWorkingSet;
    private bool _disposed;

    private HostProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <param name="logPath">Append the host's console output (warnings and errors) to this file; null: discard it.</param>
    public static async Task<HostProcess> StartAsync(string connectionString, int port, CancellationToken cancellationToken, string? logPath = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Ingestion.Host.dll");
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment[StorageNames.Connection] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Azure.Core"] = "None";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
        // Both streams are always drained: a full pipe would block the host.
        var log = logPath is null ? null : TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log?.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log?.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, url);
        await host.WaitHealthyAsync(cancellationToken);
        return host;
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the host exited with code {_process.ExitCode} while starting");
            try
            {
                using var response = await http.GetAsync(Url + "/api/health", cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException && DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become healthy within 60 s");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Current working set in bytes; also updates the peak this harness has seen.</summary>
    public long SampleWorkingSet()
    {
        if (_process.HasExited) return 0;
        _process.Refresh();
        var ws = _process.WorkingSet64;
        _peakWorkingSet = Math.Max(_peakWorkingSet, ws);
        return ws;
    }

    public long PeakWorkingSet => _peakWorkingSet;

    /// <summary>CPU time the host has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_process.HasExited) return TimeSpan.Zero;
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — as if the machine died.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host's own lifetime stops it; SIGKILL when <paramref name="abandon"/> comes first.</summary>
    public Task StopAsync(CancellationToken abandon) => _disposed ? Task.CompletedTask : GracefulStop.StopAsync(_process, abandon);

    /// <summary>Stops the host; safe to call more than once, and StopAsync after it (a load run stops it before its baseline).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        await this.StopWithinBoundAsync();
        _disposed = true;
        _process.Dispose();
    }
}
