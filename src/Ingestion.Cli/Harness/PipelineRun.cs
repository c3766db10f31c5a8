using Ingestion.DevStorage;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Cli.Harness;

/// <summary>
/// The lifecycle <c>ingest up</c>, <c>load</c> and <c>chaos</c> share: storage (an Azurite the run starts, or a
/// given connection), a pipeline host on it, articles dropped and followed through their status rows until each is
/// extracted or failed, and the check that nothing was lost or duplicated. Faults (an Azurite outage, a killed host)
/// are steps of the same run.
/// </summary>
internal sealed class PipelineRun : IAsyncDisposable
{
    private readonly string? _repositoryRoot;
    private readonly string? _azuriteLocation;
    private readonly bool _deleteLocation;
    private Func<string, CancellationToken, Task<IRunHost>>? _startHost;

    private PipelineRun(string connectionString, AzuriteProcess? azurite, string? repositoryRoot, string? azuriteLocation, bool deleteLocation)
    {
        ConnectionString = connectionString;
        Azurite = azurite;
        (_repositoryRoot, _azuriteLocation, _deleteLocation) = (repositoryRoot, azuriteLocation, deleteLocation);
        Storage = new PipelineStorage(StorageConnection.FromConnectionString(connectionString));
        Tracker = new Tracker(Storage);
    }

    public string ConnectionString { get; }
    public AzuriteProcess? Azurite { get; private set; }
    public PipelineStorage Storage { get; }
    public Tracker Tracker { get; }

    /// <summary>The host started by <see cref="StartHostAsync"/>; replaced by a restart.</summary>
    public IRunHost Host { get; private set; } = null!;

    /// <summary>A run on storage that is already there (<c>up --connection</c>).</summary>
    public static async Task<PipelineRun> OnStorageAsync(string connectionString, CancellationToken cancellationToken)
    {
        var run = new PipelineRun(connectionString, null, null, null, deleteLocation: false);
        await run.Storage.EnsureCreatedAsync(cancellationToken);
        return run;
    }

    /// <summary>A run on an Azurite of its own, in memory or on <paramref name="location"/> (deleted at the end when <paramref name="deleteLocation"/>).</summary>
    public static async Task<PipelineRun> OnAzuriteAsync(string repositoryRoot, string? location, (int Blob, int Queue, int Table)? ports, bool deleteLocation, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteProcess.StartAsync(repositoryRoot, location, ports: ports, cancellationToken: cancellationToken);
        var run = new PipelineRun(azurite.ConnectionString, azurite, repositoryRoot, location, deleteLocation);
        await run.Storage.EnsureCreatedAsync(cancellationToken);
        return run;
    }

    /// <summary>Starts the host on the run's storage; <see cref="RestartHostAsync"/> starts the next one the same way.</summary>
    public async Task<IRunHost> StartHostAsync(Func<string, CancellationToken, Task<IRunHost>> start, CancellationToken cancellationToken)
    {
        _startHost = start;
        return Host = await start(ConnectionString, cancellationToken);
    }

    /// <summary>Replaces the host: SIGKILLed first when <paramref name="kill"/> (a crash), else disposed (it had stopped), then started again after <paramref name="pause"/>.</summary>
    public async Task RestartHostAsync(bool kill, TimeSpan pause, CancellationToken cancellationToken)
    {
        if (kill) await Host.KillAsync();
        await Host.DisposeAsync();
        await Task.Delay(pause, cancellationToken);
        Host = await _startHost!(ConnectionString, cancellationToken);
    }

    /// <summary>Stops Azurite as an operator would, keeps it down for <paramref name="outage"/>, and starts it again on the same ports and store.</summary>
    public async Task RestartAzuriteAsync(TimeSpan outage, CancellationToken cancellationToken)
    {
        var azurite = Azurite ?? throw new InvalidOperationException("this run did not start Azurite");
        await azurite.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        await azurite.DisposeAsync();
        await Task.Delay(outage, cancellationToken);
        Azurite = await AzuriteProcess.StartAsync(_repositoryRoot!, _azuriteLocation, ports: azurite.Ports, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Reads the dropped articles' status rows every <paramref name="interval"/> until <paramref name="expected"/>
    /// are done and the drop is over, or <paramref name="timeout"/> passes; <paramref name="onRead"/> sees the count
    /// done after every read (progress, samples, fault injection).
    /// </summary>
    public async Task<Dictionary<string, Tracker.Final>> WaitUntilDoneAsync(int expected, Task dropping, TimeSpan timeout, TimeSpan interval, Func<int, Task>? onRead, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        Dictionary<string, Tracker.Final> finals = [];
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(interval, cancellationToken);
            finals = await Tracker.RetryAsync(() => Tracker.ReadAsync(cancellationToken), cancellationToken);
            var done = finals.Values.Count(Tracker.IsDone);
            if (onRead is not null) await onRead(done);
            if (dropping.IsCompleted && done >= expected) break;
        }
        return finals;
    }

    /// <summary>What the run ended with: every status row read afresh, the counts and latencies, and the result-row check.</summary>
    public sealed record Outcome(Dictionary<string, Tracker.Final> Finals, LoadReport Report, int Duplicated, int MissingRows)
    {
        public bool NothingLost => Report.Lost == 0 && Duplicated == 0 && MissingRows == 0;
    }

    public async Task<Outcome> VerifyAsync(int expected, CancellationToken cancellationToken)
    {
        var finals = await Tracker.RetryAsync(() => Tracker.ReadAsync(cancellationToken, full: true), cancellationToken);
        var (duplicated, missing) = await Tracker.VerifyRowsAsync(finals, cancellationToken);
        return new Outcome(finals, LoadReport.From(Tracker, finals, expected), duplicated, missing);
    }

    /// <summary>Approximate depth of every pipeline queue.</summary>
    public async Task<Dictionary<string, int>> QueueDepthsAsync(CancellationToken cancellationToken)
    {
        var depth = new Dictionary<string, int>();
        foreach (var queue in StorageNames.Queues)
            depth[queue] = (await Tracker.RetryAsync(() => Storage.Queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken), cancellationToken)).Value.ApproximateMessagesCount;
        return depth;
    }

    /// <summary>Deletes every container, queue and table of the storage (the pipeline's and the WebJobs host's own).</summary>
    public async Task DeleteEverythingAsync(CancellationToken cancellationToken)
    {
        await foreach (var container in Storage.Blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
            await Storage.Blobs.DeleteBlobContainerAsync(container.Name, cancellationToken: cancellationToken);
        await foreach (var queue in Storage.Queues.GetQueuesAsync(cancellationToken: cancellationToken))
            await Storage.Queues.DeleteQueueAsync(queue.Name, cancellationToken);
        await foreach (var table in Storage.Tables.QueryAsync(cancellationToken: cancellationToken))
            await Storage.Tables.DeleteTableAsync(table.Name, cancellationToken);
    }

    /// <summary>How long Azurite gets to flush its store on SIGTERM before it is killed.</summary>
    private static readonly TimeSpan AzuriteStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The end of every run, finished or interrupted (Ctrl+C cancels the run's token, and this runs as the
    /// exception unwinds): the host stops first, so nothing takes new work from a storage that is going, then
    /// Azurite, gracefully so a persistent store is flushed. The host's stop is bounded, and abandoned at once when
    /// Azurite has exited: a Ctrl+C at the terminal reaches Azurite too, and nothing the host still has in flight
    /// can finish without it (the SDK would only retry against a closed port).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(Azurite?.Exited ?? CancellationToken.None);
            abandon.CancelAfter(RunHostStop.Bound);
            await Host.StopAsync(abandon.Token);
            await Host.DisposeAsync();
        }
        if (Azurite is not null)
        {
            await Azurite.StopGracefullyAsync(AzuriteStopTimeout);
            await Azurite.DisposeAsync();
        }
        if (_deleteLocation && _azuriteLocation is not null)
        {
            try { Directory.Delete(_azuriteLocation, recursive: true); } catch (IOException) { }
        }
    }
}
