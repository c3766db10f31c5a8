using System.ComponentModel;
using Ingestion.Cli.Harness;
using Ingestion.DevStorage;
using Ingestion.Pipeline.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// <c>ingest chaos --scenario azurite-restart|host-kill</c>: a run of N articles through the standalone host with
/// a fault injected when about a third are done — Azurite stopped for a while and restarted on its persistent
/// store, or the host killed with SIGKILL and started again. Afterwards every article must be extracted or
/// failed with a reason, no result row duplicated, and no message left outside a poison queue.
/// </summary>
internal sealed class ChaosCommand : AsyncCommand<ChaosCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scenario <NAME>")]
        [Description("azurite-restart or host-kill (default azurite-restart).")]
        public string Scenario { get; init; } = "azurite-restart";

        [CommandOption("-n|--count <N>")]
        [Description("Articles to drop (default 1000).")]
        public int Count { get; init; } = 1000;

        [CommandOption("--outage <SECONDS>")]
        [Description("How long Azurite stays down (default 15).")]
        public int OutageSeconds { get; init; } = 15;

        [CommandOption("--from <PATH>")]
        [Description("Article files or folders to cycle through (default: seeds/).")]
        public string[] From { get; init; } = [];

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up waiting after this long (default 1800).")]
        public int TimeoutSeconds { get; init; } = 1800;

        [CommandOption("--host-log <FILE>")]
        [Description("Append the host's warnings and errors to this file.")]
        public string? HostLog { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        settings.Scenario is "azurite-restart" or "host-kill" ? ValidationResult.Success() : ValidationResult.Error("--scenario must be azurite-restart or host-kill");

    private static async Task<Dictionary<string, int>> QueueDepthsAsync(PipelineStorage storage, CancellationToken cancellationToken)
    {
        var depth = new Dictionary<string, int>();
        foreach (var queue in StorageNames.Queues)
            depth[queue] = (await Tracker.RetryAsync(() => storage.Queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken), cancellationToken)).Value.ApproximateMessagesCount;
        return depth;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find()
            ?? throw new InvalidOperationException("run inside the repository (package.json pins azurite)");
        var sources = LoadCommand.LoadSources(settings.From.Length > 0 ? settings.From : [Path.Combine(root, "seeds")]);
        var location = Directory.CreateTempSubdirectory("ingest-chaos-").FullName;
        var azurite = await AzuriteProcess.StartAsync(root, location, cancellationToken: cancellationToken);
        var ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var storage = new PipelineStorage(StorageConnection.FromConnectionString(azurite.ConnectionString));
        await storage.EnsureCreatedAsync(cancellationToken);
        var hostPort = LoopbackPorts.Free();
        // The reconciler is part of what is under test; the host's standalone defaults run it every 5 s.
        var host = await HostProcess.StartAsync(azurite.ConnectionString, hostPort, cancellationToken, logPath: settings.HostLog);
        var tracker = new Tracker(storage);
        var log = new List<string>();
        void Log(string line)
        {
            log.Add($"{DateTime.UtcNow:HH:mm:ss} {line}");
            AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {line}");
        }

        try
        {
            Log($"scenario {settings.Scenario}: dropping {settings.Count} articles (Azurite persistent at {location})");
            var drop = tracker.DropAsync("chaos/" + Guid.NewGuid().ToString("N")[..8], sources.Select(s => (s.Name, s.Bytes)).ToList(), settings.Count, 16, null, null, cancellationToken);
            var faulted = false;
            var hostRestarts = 0;
            Dictionary<string, Tracker.Final> finals = [];
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(settings.TimeoutSeconds);
            var lastReport = DateTime.MinValue;
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000, cancellationToken);
                finals = await Tracker.RetryAsync(() => tracker.ReadAsync(cancellationToken), cancellationToken);
                var done = finals.Values.Count(Tracker.IsDone);
                // The host stops itself when a trigger listener dies (StopOnListenerFailure): restart it, as its
                // supervisor would, and say so — the run must still lose nothing.
                if (host.HasExited)
                {
                    hostRestarts++;
                    Log($"host exited by itself with code {host.ExitCode}; restarting it as a supervisor would");
                    await host.DisposeAsync();
                    host = await HostProcess.StartAsync(azurite.ConnectionString, hostPort, cancellationToken, logPath: settings.HostLog);
                }
                if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(10))
                {
                    Log($"dropped {tracker.DroppedArticles.Count}, done {done}");
                    lastReport = DateTime.UtcNow;
                }
                if (!faulted && done >= settings.Count / 3)
                {
                    faulted = true;
                    if (settings.Scenario == "azurite-restart")
                    {
                        Log($"stopping Azurite for {settings.OutageSeconds} s (done {done})");
                        await azurite.StopGracefullyAsync(TimeSpan.FromSeconds(30));
                        await Task.Delay(TimeSpan.FromSeconds(settings.OutageSeconds), cancellationToken);
                        azurite = await AzuriteProcess.StartAsync(root, location, ports: ports, cancellationToken: cancellationToken);
                        Log("Azurite restarted on the same ports and store");
                    }
                    else
                    {
                        Log($"SIGKILL host pid {host.ProcessId} (done {done})");
                        await host.KillAsync();
                        await Task.Delay(2000, cancellationToken);
                        host = await HostProcess.StartAsync(azurite.ConnectionString, hostPort, cancellationToken, logPath: settings.HostLog);
                        Log($"host restarted as pid {host.ProcessId}");
                    }
                }
                if (drop.IsCompleted && done >= settings.Count) break;
            }
            await drop;
            // Let poison handlers and stragglers settle, then read the final state.
            await Task.Delay(3000, cancellationToken);
            finals = await Tracker.RetryAsync(() => tracker.ReadAsync(cancellationToken, full: true), cancellationToken);
            var report = LoadReport.From(tracker, finals, settings.Count);
            var (duplicated, missingRows) = await tracker.VerifyRowsAsync(finals, cancellationToken);
            Log($"all articles settled: extracted {report.Extracted}, failed {report.Failed}, lost {report.Lost}; host restarted by the harness {hostRestarts} time(s) besides the fault");
            // Messages a killed host had dequeued stay invisible for the listener's 10-minute lease, then come back
            // and are consumed (as no-ops when the reconciler already finished their article). Wait for that, so
            // "nothing stuck" is checked, not assumed.
            var depth = await QueueDepthsAsync(storage, cancellationToken);
            var drainDeadline = DateTime.UtcNow + TimeSpan.FromMinutes(12);
            while (depth[StorageNames.ExtractQueue] > 0 && DateTime.UtcNow < drainDeadline)
            {
                Log($"{depth[StorageNames.ExtractQueue]} message(s) still in {StorageNames.ExtractQueue} (in flight when the fault hit); waiting for them to reappear and be consumed");
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                depth = await QueueDepthsAsync(storage, cancellationToken);
            }
            finals = await Tracker.RetryAsync(() => tracker.ReadAsync(cancellationToken, full: true), cancellationToken);
            report = LoadReport.From(tracker, finals, settings.Count);
            (duplicated, missingRows) = await tracker.VerifyRowsAsync(finals, cancellationToken);
            report.Print(null, duplicated, missingRows, [], host.PeakWorkingSet);
            AnsiConsole.MarkupLineInterpolated($"queues at the end: {string.Join(", ", depth.Select(d => $"{d.Key} {d.Value}"))}");
            var ok = report.Lost == 0 && duplicated == 0 && missingRows == 0 && depth[StorageNames.ExtractQueue] == 0;
            AnsiConsole.MarkupLine(ok ? "[green]PASS[/]: every article done or failed with a reason, nothing duplicated, nothing stuck" : "[red]FAIL[/]");
            return ok ? 0 : 1;
        }
        finally
        {
            await host.DisposeAsync();
            await azurite.DisposeAsync();
            try { Directory.Delete(location, recursive: true); } catch (IOException) { }
        }
    }
}
