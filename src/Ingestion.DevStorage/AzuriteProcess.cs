using System.Diagnostics;
using System.Globalization;

namespace Ingestion.DevStorage;

/// <summary>
/// The Azurite storage emulator from the repository's pinned npm package (<see cref="AzuriteInstall"/>), on free
/// loopback ports, under a watchdog that stops it with this process (<see cref="Watchdog"/>). Used by
/// <c>ingest up</c>, <c>load</c>, <c>chaos</c> and the tests.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known ports, which <c>UseDevelopmentStorage=true</c> and Storage Explorer expect.</summary>
    public static readonly (int Blob, int Queue, int Table) DefaultPorts = (10000, 10001, 10002);

    private readonly Process _process;
    private readonly CancellationTokenSource _exited = new();

    private AzuriteProcess(Process process, (int Blob, int Queue, int Table) ports)
    {
        _process = process;
        (BlobPort, QueuePort, TablePort) = ports;
        _ = process.WaitForExitAsync().ContinueWith(_ => _exited.Cancel(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>
    /// Cancelled once the emulator has exited, whoever stopped it: this process, or a Ctrl+C at the terminal, which
    /// reaches the emulator too (it shares the process group). A client still waiting on it can stop waiting.
    /// </summary>
    public CancellationToken Exited => _exited.Token;

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public (int Blob, int Queue, int Table) Ports => (BlobPort, QueuePort, TablePort);

    /// <summary>
    /// CPU time used so far by the emulator, for <c>ingest load</c> to tell how much of a run's CPU went to storage;
    /// null where the process tree cannot be read (not Linux).
    /// </summary>
    public TimeSpan? ProcessorTime => ProcessTreeCpu.OfChildren(_process.Id);

    /// <summary>The well-known Azurite development account, on this instance's ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="repositoryRoot">The folder holding package.json (pins azurite) and node_modules.</param>
    /// <param name="location">A folder for persistent data, or null for in-memory storage.</param>
    /// <param name="ports">Blob, queue and table ports to reuse (a restart keeps its clients' connection string), or null for free ones.</param>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? location = null, TextWriter? log = null, (int Blob, int Queue, int Table)? ports = null, CancellationToken cancellationToken = default)
    {
        var script = await AzuriteInstall.EnsureAsync(repositoryRoot, log, cancellationToken);
        var chosen = ports ?? (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        var start = Watchdog.StartInfo("node", repositoryRoot);
        foreach (var arg in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", Port(chosen.Blob),
            "--queueHost", "127.0.0.1", "--queuePort", Port(chosen.Queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(chosen.Table),
        })
            start.ArgumentList.Add(arg);
        if (location is null)
            start.ArgumentList.Add("--inMemoryPersistence");
        else
        {
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node (is Node.js 20+ installed?)");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log?.WriteLine("[azurite] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log?.WriteLine("[azurite] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, chosen);
        await LoopbackPorts.WaitUntilListeningAsync([chosen.Blob, chosen.Queue, chosen.Table],
            () => process.HasExited ? $"Azurite exited with code {process.ExitCode} before listening" : null, cancellationToken);
        return azurite;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stops the emulator as an operator would (SIGTERM, so it flushes its persistent store), then waits.</summary>
    public Task StopGracefullyAsync(TimeSpan timeout) => GracefulStop.StopAsync(_process, timeout);

    /// <summary>Stops the emulator (SIGKILL to the tree: in-memory data needs no flush; persistent data is journaled).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
