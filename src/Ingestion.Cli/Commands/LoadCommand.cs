using System.ComponentModel;
using System.Diagnostics;
using Ingestion.Cli.Harness;
using Ingestion.Core;
using Ingestion.Core.Input;
using Ingestion.DevStorage;
using Ingestion.Pipeline.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// <c>ingest load --count N</c>: the pipeline end to end under load — Azurite, the standalone host as a child
/// process, N distinct articles dropped — then the storage-only baseline on the same Azurite in the same run.
/// Reports throughput, detection delay and processing latency percentiles, failures, losses, the host's working
/// set, and the ratio pipeline/baseline.
/// </summary>
internal sealed class LoadCommand : AsyncCommand<LoadCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-n|--count <N>")]
        [Description("Articles to drop (default 200).")]
        public int Count { get; init; } = 200;

        [CommandOption("--from <PATH>")]
        [Description("Article files or folders to cycle through (default: seeds/).")]
        public string[] From { get; init; } = [];

        [CommandOption("--rate <PER_SECOND>")]
        [Description("Drop at a steady rate instead of all at once (for latency at a sustainable load).")]
        public double? Rate { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Concurrent uploads, and the baseline's concurrency (default 16, the queue batch size).")]
        public int Parallel { get; init; } = 16;

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up waiting after this long (default 900).")]
        public int TimeoutSeconds { get; init; } = 900;

        [CommandOption("--no-baseline")]
        public bool NoBaseline { get; init; }

        [CommandOption("--host-log <FILE>")]
        [Description("Append the host's warnings and errors to this file (reconciler runs, retries).")]
        public string? HostLog { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find()
            ?? throw new InvalidOperationException("run inside the repository (package.json pins azurite)");
        var sources = LoadSources(settings.From.Length > 0 ? settings.From : [Path.Combine(root, "seeds")]);
        AnsiConsole.MarkupLineInterpolated($"{settings.Count} articles cycling through {sources.Count} source file(s); {Environment.ProcessorCount} cores");

        await using var azurite = await AzuriteProcess.StartAsync(root, location: null, cancellationToken: cancellationToken);
        var connection = StorageConnection.FromConnectionString(azurite.ConnectionString);
        var storage = new PipelineStorage(connection);
        await storage.EnsureCreatedAsync(cancellationToken);
        await using var host = await HostProcess.StartAsync(azurite.ConnectionString, LoopbackPorts.Free(), cancellationToken, logPath: settings.HostLog);

        var tracker = new Tracker(storage);
        var memory = new List<(int Done, long WorkingSet)>();
        var prefix = "load/" + Guid.NewGuid().ToString("N")[..8];
        var wall = Stopwatch.StartNew();
        var (hostCpuStart, azuriteCpuStart) = (host.ProcessorTime, azurite.ProcessorTime);
        var drop = tracker.DropAsync(prefix, sources.Select(s => (s.Name, s.Bytes)).ToList(), settings.Count, settings.Parallel, settings.Rate, null, cancellationToken);

        Dictionary<string, Tracker.Final> finals = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(settings.TimeoutSeconds);
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var dropped = progress.AddTask("dropped", maxValue: settings.Count);
            var done = progress.AddTask("done (extracted or failed)", maxValue: settings.Count);
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000, cancellationToken);
                finals = await Tracker.RetryAsync(() => tracker.ReadAsync(cancellationToken), cancellationToken);
                var n = finals.Values.Count(Tracker.IsDone);
                memory.Add((n, host.SampleWorkingSet()));
                dropped.Value = tracker.DroppedArticles.Count;
                done.Value = n;
                if (drop.IsCompleted && n >= settings.Count) break;
            }
        });
        await drop;
        wall.Stop();
        finals = await Tracker.RetryAsync(() => tracker.ReadAsync(cancellationToken, full: true), cancellationToken);
        var cpu = new List<LoadReport.CpuUse> { new("pipeline: host", host.ProcessorTime - hostCpuStart, azurite.ProcessorTime - azuriteCpuStart, settings.Count) };

        var report = LoadReport.From(tracker, finals, settings.Count);
        var (duplicated, missingRows) = await tracker.VerifyRowsAsync(finals, cancellationToken);
        var peakWorkingSet = host.PeakWorkingSet;
        double? baseline = null;
        if (!settings.NoBaseline)
        {
            // Both phases start from an empty emulator with nothing else running: Azurite's in-memory store slows as
            // it fills, so a baseline run next to the pipeline's 2,000 articles (and its idle host) would be slower
            // and flatter the ratio.
            await host.DisposeAsync();
            await DeleteEverythingAsync(connection, cancellationToken);
            var (clientCpuStart, baselineAzuriteStart) = (Process.GetCurrentProcess().TotalProcessorTime, azurite.ProcessorTime);
            baseline = await AnsiConsole.Status().StartAsync("storage-only baseline …", _ =>
                new StorageBaseline(connection).RunAsync(sources.Select(s => (s.Name, s.Bytes, s.Analysis, s.CleanJson)).ToList(), settings.Count, settings.Parallel, cancellationToken));
            cpu.Add(new("baseline: client", Process.GetCurrentProcess().TotalProcessorTime - clientCpuStart, azurite.ProcessorTime - baselineAzuriteStart, settings.Count));
        }
        report.Print(baseline, duplicated, missingRows, memory, peakWorkingSet, cpu);
        return report.Lost == 0 && duplicated == 0 && missingRows == 0 ? 0 : 1;
    }

    /// <summary>Deletes every container, queue and table of the run (the pipeline's and the WebJobs host's own).</summary>
    private static async Task DeleteEverythingAsync(StorageConnection connection, CancellationToken cancellationToken)
    {
        var blobs = connection.CreateBlobServiceClient();
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
            await blobs.DeleteBlobContainerAsync(container.Name, cancellationToken: cancellationToken);
        var queues = connection.CreateQueueServiceClient();
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
            await queues.DeleteQueueAsync(queue.Name, cancellationToken);
        var tables = connection.CreateTableServiceClient();
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
            await tables.DeleteTableAsync(table.Name, cancellationToken);
    }

    internal sealed record Source(string Name, byte[] Bytes, Core.Model.ArticleAnalysis Analysis, byte[] CleanJson);

    /// <summary>Sources that hold an article (others would only measure rejection).</summary>
    internal static List<Source> LoadSources(IEnumerable<string> paths)
    {
        var processor = ArticleProcessor.CreateDefault();
        var sources = new List<Source>();
        foreach (var (path, name) in InputFiles.Expand(paths))
        {
            var bytes = File.ReadAllBytes(path);
            try
            {
                var clean = processor.Cleaner.Clean(ArticleInput.Decode(name, bytes));
                sources.Add(new Source(Path.GetFileName(name), bytes, processor.Analyzer.Analyze(clean), StorageBaseline.CleanJsonOf(clean)));
            }
            catch (ArticleRejectedException)
            {
            }
        }
        return sources.Count > 0 ? sources : throw new InvalidOperationException("no article among the sources");
    }
}
