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
    public sealed class Settings : RunSettings
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


        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up waiting after this long (default 1800).")]
        public int TimeoutSeconds { get; init; } = 1800;
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        settings.Scenario is "azurite-restart" or "host-kill" ? ValidationResult.Success() : ValidationResult.Error("--scenario must be azurite-restart or host-kill");

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!settings.TryResolve(out var root, out var sources))
            return 2;
        var location = Directory.CreateTempSubdirectory("ingest-chaos-").FullName;
        await using var run = await PipelineRun.OnAzuriteAsync(root, location, ports: null, deleteLocation: true, cancellationToken);
        var hostPort = LoopbackPorts.Free();
        // The reconciler is part of what is under test; the host's standalone defaults run it every 5 s.
        await run.StartHostAsync(async (storage, ct) => await HostProcess.StartAsync(storage, hostPort, ct, logPath: settings.HostLog), cancellationToken);
        void Log(string line) => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {line}");

        Log($"scenario {settings.Scenario}: dropping {settings.Count} articles (Azurite persistent at {location})");
        var drop = run.Tracker.DropAsync(Tracker.Cycle("chaos/" + Guid.NewGuid().ToString("N")[..8], LoadSource.Files(sources), settings.Count), 16, null, cancellationToken);
        var faulted = false;
        var hostRestarts = 0;
        var lastReport = DateTime.MinValue;
        await run.WaitUntilDoneAsync(settings.Count, drop, TimeSpan.FromSeconds(settings.TimeoutSeconds), TimeSpan.FromSeconds(1), async done =>
        {
            // The host stops itself when a trigger listener dies (StopOnListenerFailure): restart it, as its
            // supervisor would, and say so — the run must still lose nothing.
            if (run.Host.HasExited)
            {
                hostRestarts++;
                Log($"host exited by itself with code {run.Host.ExitCode}; restarting it as a supervisor would");
                await run.RestartHostAsync(kill: false, TimeSpan.Zero, cancellationToken);
            }
            if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(10))
            {
                Log($"dropped {run.Tracker.DroppedArticles.Count}, done {done}");
                lastReport = DateTime.UtcNow;
            }
            if (faulted || done < settings.Count / 3) return;
            faulted = true;
            if (settings.Scenario == "azurite-restart")
            {
                Log($"stopping Azurite for {settings.OutageSeconds} s (done {done})");
                await run.RestartAzuriteAsync(TimeSpan.FromSeconds(settings.OutageSeconds), cancellationToken);
                Log("Azurite restarted on the same ports and store");
            }
            else
            {
                Log($"SIGKILL host pid {run.Host.ProcessId} (done {done})");
                await run.RestartHostAsync(kill: true, TimeSpan.FromSeconds(2), cancellationToken);
                Log($"host restarted as pid {run.Host.ProcessId}");
            }
        }, cancellationToken);
        await drop;
        // Let poison handlers and stragglers settle, then read the final state.
        await Task.Delay(3000, cancellationToken);
        var outcome = await run.VerifyAsync(settings.Count, cancellationToken);
        Log($"all articles settled: extracted {outcome.Report.Extracted}, failed {outcome.Report.Failed}, lost {outcome.Report.Lost}; host restarted by the harness {hostRestarts} time(s) besides the fault");
        // Messages a killed host had dequeued stay invisible for the listener's 10-minute lease, then come back
        // and are consumed (as no-ops when the reconciler already finished their article). Wait for that, so
        // "nothing stuck" is checked, not assumed.
        var depth = await run.QueueDepthsAsync(cancellationToken);
        var drainDeadline = DateTime.UtcNow + TimeSpan.FromMinutes(12);
        while (depth[StorageNames.ExtractQueue] > 0 && DateTime.UtcNow < drainDeadline)
        {
            Log($"{depth[StorageNames.ExtractQueue]} message(s) still in {StorageNames.ExtractQueue} (in flight when the fault hit); waiting for them to reappear and be consumed");
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            depth = await run.QueueDepthsAsync(cancellationToken);
        }
        outcome = await run.VerifyAsync(settings.Count, cancellationToken);
        outcome.Report.Print(null, outcome.Duplicated, outcome.MissingRows, [], run.Host.PeakWorkingSet);
        AnsiConsole.MarkupLineInterpolated($"queues at the end: {string.Join(", ", depth.Select(d => $"{d.Key} {d.Value}"))}");
        var ok = outcome.NothingLost && depth[StorageNames.ExtractQueue] == 0;
        AnsiConsole.MarkupLine(ok ? "[green]PASS[/]: every article done or failed with a reason, nothing duplicated, nothing stuck" : "[red]FAIL[/]");
        return ok ? 0 : 1;
    }
}
