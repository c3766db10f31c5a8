using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ingestion.Host;

/// <summary>
/// Starts the Azurite storage emulator from the repository's pinned npm package (installing it with <c>npm ci</c>
/// when missing) on free loopback ports, and stops it with its process tree. Used by <c>ingest up</c> and the tests.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        (BlobPort, QueuePort, TablePort) = (blobPort, queuePort, tablePort);
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>
    /// CPU time used so far by the emulator (the node process under the watchdog shell), for `ingest load` to
    /// tell how much of a run's CPU went to storage; null where the process tree cannot be read (not Linux).
    /// </summary>
    public TimeSpan? ProcessorTime
    {
        get
        {
            var children = $"/proc/{_process.Id}/task/{_process.Id}/children";
            if (!OperatingSystem.IsLinux() || !File.Exists(children)) return null;
            var total = TimeSpan.Zero;
            foreach (var id in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                try
                {
                    using var child = Process.GetProcessById(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
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
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            // Test assemblies run in parallel: one installs while the others wait on the lock, then find it done.
            using var installLock = await AcquireLockAsync(Path.Combine(repositoryRoot, ".azurite-install.lock"), cancellationToken);
            if (!File.Exists(script))
                await InstallAsync(repositoryRoot, log, cancellationToken);
        }

        int[] chosen = ports is { } p ? [p.Blob, p.Queue, p.Table] : [FreePort(), FreePort(), FreePort()];
        var start = Watchdogged("node", repositoryRoot);
        foreach (var arg in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", chosen[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", chosen[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", chosen[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        var azurite = new AzuriteProcess(process, chosen[0], chosen[1], chosen[2]);
        await azurite.WaitUntilListeningAsync(cancellationToken);
        return azurite;
    }

    /// <summary>
    /// Runs <paramref name="program"/> under a small shell watchdog that stops it when this process is gone, so an
    /// emulator never outlives the test run or CLI that started it (test hosts are often killed, not exited).
    /// SIGTERM to the watchdog is passed on, so a graceful stop still lets Azurite flush its store.
    /// </summary>
    private static ProcessStartInfo Watchdogged(string program, string workingDirectory)
    {
        var common = new ProcessStartInfo { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (OperatingSystem.IsWindows())
        {
            common.FileName = program;
            return common;
        }
        common.FileName = "bash";
        common.ArgumentList.Add("-c");
        common.ArgumentList.Add(
            "\"$0\" \"$@\" & child=$!; trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT; " +
            $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; " +
            "kill -TERM $child 2>/dev/null; wait $child");
        common.ArgumentList.Add(program);
        return common;
    }

    /// <summary>The repository this command runs in: found from the working directory, else from the binaries.</summary>
    public static string? FindRepositoryRoot() =>
        FindRepositoryRoot(Environment.CurrentDirectory) ?? FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>Walks up from <paramref name="start"/> to the folder whose package.json pins azurite.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var package = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(package) && File.ReadAllText(package).Contains("\"azurite\"", StringComparison.Ordinal))
                return dir.FullName;
        }
        return null;
    }

    private static async Task InstallAsync(string root, TextWriter? log, CancellationToken cancellationToken)
    {
        log?.WriteLine("Installing Azurite (npm ci) …");
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" }) npm.ArgumentList.Add(arg);
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("could not start npm (is Node.js 20+ installed?)");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException("npm ci failed: " + (await stderr).Trim());
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening");
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }

    /// <summary>Azurite's well-known ports, which `UseDevelopmentStorage=true` and Storage Explorer expect.</summary>
    public static readonly (int Blob, int Queue, int Table) DefaultPorts = (10000, 10001, 10002);

    /// <summary>True when nothing listens on <paramref name="port"/> on loopback.</summary>
    public static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback port nobody listens on right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the emulator as an operator would (SIGTERM, so it flushes its persistent store), then waits.</summary>
    public async Task StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-s", "TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
        }
    }

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
