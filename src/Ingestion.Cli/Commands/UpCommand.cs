using System.ComponentModel;
using Ingestion.Cli.Harness;
using Ingestion.Core.Input;
using Ingestion.DevStorage;
using Ingestion.Host;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ingestion.Cli.Commands;

/// <summary>
/// <c>ingest up [--once]</c>: the whole pipeline on a laptop. Starts Azurite from the pinned npm package (unless a
/// storage connection is configured), runs the standalone host in this process, drops the seed articles, shows
/// progress and the results, then serves the HTTP API until Ctrl+C (or exits with <c>--once</c>).
/// </summary>
internal sealed class UpCommand : AsyncCommand<UpCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--once")]
        [Description("Exit when every dropped article is done; exit code 1 if any failed.")]
        public bool Once { get; init; }

        [CommandOption("--seeds <FOLDER>")]
        [Description("Articles to drop (default: seeds/ of the repository).")]
        public string? Seeds { get; init; }

        [CommandOption("--urls <URL>")]
        [Description("Where the HTTP API listens (default http://127.0.0.1:7071, the address `func start` uses).")]
        public string Urls { get; init; } = "http://127.0.0.1:7071";

        [CommandOption("--connection <CONNECTION_STRING>")]
        [Description("Use this storage instead of starting Azurite (default: $AzureWebJobsStorage if set).")]
        public string? Connection { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up waiting for the dropped articles after this long (default 300).")]
        public int TimeoutSeconds { get; init; } = 300;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var seeds = settings.Seeds ?? (root is null ? null : Path.Combine(root, "seeds"));
        if (seeds is null || !Directory.Exists(seeds))
        {
            await Console.Error.WriteLineAsync("ingest: no seeds folder found; pass --seeds FOLDER");
            return 2;
        }

        var connection = settings.Connection ?? Environment.GetEnvironmentVariable(StorageNames.Connection);
        PipelineRun run;
        if (connection is not null)
            run = await PipelineRun.OnStorageAsync(connection, cancellationToken);
        else
        {
            if (root is null)
            {
                await Console.Error.WriteLineAsync("ingest: cannot find the repository (package.json pinning azurite) to start Azurite; set AzureWebJobsStorage or --connection");
                return 2;
            }
            // Azurite's usual ports when free, so `ingest drop` and Storage Explorer find it with UseDevelopmentStorage=true.
            var d = AzuriteProcess.DefaultPorts;
            (int, int, int)? ports = LoopbackPorts.IsFree(d.Blob) && LoopbackPorts.IsFree(d.Queue) && LoopbackPorts.IsFree(d.Table) ? d : null;
            run = await AnsiConsole.Status().StartAsync("Starting Azurite (installing it with npm ci on first use) …", _ =>
                PipelineRun.OnAzuriteAsync(root, settings.Once ? null : Path.Combine(root, ".azurite"), ports, deleteLocation: false, cancellationToken));
            AnsiConsole.MarkupLineInterpolated($"[grey]Azurite[/] blob :{run.Azurite!.BlobPort}  queue :{run.Azurite.QueuePort}  table :{run.Azurite.TablePort}");
        }

        await using var _ = run;
        var host = (InProcessHost)await run.StartHostAsync(async (storage, ct) => await InProcessHost.StartAsync(StandaloneHost.Build(["--urls", settings.Urls], new Dictionary<string, string?>
        {
            [StorageNames.Connection] = storage,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        }, handleSignals: false), ct), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[grey]Pipeline host[/] listening on {settings.Urls}/api/health");

        var seedFiles = InputFiles.Expand([seeds]).Select(f => (f.Name, File.ReadAllBytes(f.Path))).ToList();
        await run.Tracker.DropAsync(seedFiles, parallelism: 1, perSecond: null, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Dropped [bold]{seedFiles.Count}[/] article(s) from {seeds} into container '{StorageNames.DropContainer}'");

        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var task = progress.AddTask("articles done (blob trigger scans every ~10 s)", maxValue: seedFiles.Count);
            await run.WaitUntilDoneAsync(seedFiles.Count, Task.CompletedTask, TimeSpan.FromSeconds(settings.TimeoutSeconds), TimeSpan.FromMilliseconds(500),
                done => { task.Value = done; return Task.CompletedTask; }, cancellationToken);
        });
        var queries = host.App.Services.GetRequiredService<ArticleQueries>();
        var views = new List<ArticleView>();
        foreach (var (name, _) in seedFiles)
        {
            var id = ArticleIdentity.IdFromName(name);
            views.Add(await queries.GetAsync(id, cancellationToken) ?? new ArticleView
            {
                Id = id, Name = name, Status = "not received", Timings = new ArticleTimings(null, null, null, null, null, null),
            });
        }
        Render.Summaries(views.Select(v => new ArticleSummary(v.Id, v.Name, v.Status, v.Title, v.Published, v.Language, v.Entities.Count, v.Quotes.Count, v.Error, v.Timings.ReceivedAt, null)).ToList());
        foreach (var view in views.Where(v => v.Status == ArticleStatus.Extracted).Take(3))
            Render.Article(view);

        var failed = views.Count(v => v.Status != ArticleStatus.Extracted);
        if (settings.Once)
        {
            await host.StopWithinBoundAsync();
            AnsiConsole.MarkupLineInterpolated($"{views.Count - failed} extracted, {failed} not extracted");
            return failed == 0 ? 0 : 1;
        }

        var dropHint = run.Azurite is { } azurite && azurite.Ports != AzuriteProcess.DefaultPorts
            ? $"ingest drop FILES --connection \"{run.ConnectionString}\""
            : "ingest drop FILES";
        AnsiConsole.MarkupLineInterpolated($"Serving {settings.Urls}/api/articles — drop more with `{dropHint}`; Ctrl+C to stop.");
        // Until Ctrl+C (the token: the run's disposal then stops the host, then Azurite), or until the host stops by
        // itself: a dead trigger listener does that with exit code 1 (StopOnListenerFailure), passed on here.
        var stopping = host.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        return failed == 0 && Environment.ExitCode == 0 ? 0 : 1;
    }
}
