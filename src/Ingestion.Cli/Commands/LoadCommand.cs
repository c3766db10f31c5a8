using System.ComponentModel;
using System.Diagnostics;
using Ingestion.Cli.Harness;
using Ingestion.DevStorage;
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
    public sealed class Settings : RunSettings
    {
        [CommandOption("-n|--count <N>")]
        [Description("Articles to drop (default 200).")]
        public int Count { get; init; } = 200;


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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!settings.TryResolve(out var root, out var sources))
            return 2;
        AnsiConsole.MarkupLineInterpolated($"{settings.Count} articles cycling through {sources.Count} source file(s); {Environment.ProcessorCount} cores");

        await using var run = await PipelineRun.OnAzuriteAsync(root, location: null, ports: null, deleteLocation: false, cancellationToken);
        var host = await run.StartHostAsync(async (storage, ct) => await HostProcess.StartAsync(storage, LoopbackPorts.Free(), ct, logPath: settings.HostLog), cancellationToken);
        var azurite = run.Azurite!;

        var memory = new List<(int Done, long WorkingSet)>();
        var (hostCpuStart, azuriteCpuStart) = (host.ProcessorTime, azurite.ProcessorTime);
        var drop = run.Tracker.DropAsync(Tracker.Cycle("load/" + Guid.NewGuid().ToString("N")[..8], LoadSource.Files(sources), settings.Count), settings.Parallel, settings.Rate, cancellationToken);
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var dropped = progress.AddTask("dropped", maxValue: settings.Count);
            var done = progress.AddTask("done (extracted or failed)", maxValue: settings.Count);
            await run.WaitUntilDoneAsync(settings.Count, drop, TimeSpan.FromSeconds(settings.TimeoutSeconds), TimeSpan.FromSeconds(1), n =>
            {
                memory.Add((n, host.SampleWorkingSet()));
                dropped.Value = run.Tracker.DroppedArticles.Count;
                done.Value = n;
                return Task.CompletedTask;
            }, cancellationToken);
        });
        await drop;
        var outcome = await run.VerifyAsync(settings.Count, cancellationToken);
        var cpu = new List<LoadReport.CpuUse> { new("pipeline: host", host.ProcessorTime - hostCpuStart, azurite.ProcessorTime - azuriteCpuStart, settings.Count) };
        var peakWorkingSet = host.PeakWorkingSet;
        double? baseline = null;
        if (!settings.NoBaseline)
        {
            // Both phases start from an empty emulator with nothing else running: Azurite's in-memory store slows as
            // it fills, so a baseline run next to the pipeline's 2,000 articles (and its idle host) would be slower
            // and flatter the ratio.
            await host.DisposeAsync();
            await run.DeleteEverythingAsync(cancellationToken);
            var (clientCpuStart, baselineAzuriteStart) = (Process.GetCurrentProcess().TotalProcessorTime, azurite.ProcessorTime);
            baseline = await AnsiConsole.Status().StartAsync("storage-only baseline …", _ =>
                new StorageBaseline(run.ConnectionString).RunAsync(sources, settings.Count, settings.Parallel, cancellationToken));
            cpu.Add(new("baseline: client", Process.GetCurrentProcess().TotalProcessorTime - clientCpuStart, azurite.ProcessorTime - baselineAzuriteStart, settings.Count));
        }
        outcome.Report.Print(baseline, outcome.Duplicated, outcome.MissingRows, memory, peakWorkingSet, cpu);
        return outcome.NothingLost ? 0 : 1;
    }
}
