using Ingestion.Pipeline;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Host;

/// <summary>
/// Builds the standalone host: WebJobs triggers + the HTTP API on one ASP.NET Core app. Used by Program, by
/// <c>ingest up</c> (in process) and by the end-to-end tests.
/// </summary>
public static class StandaloneHost
{
    /// <summary>
    /// The WebJobs container scan (Storage.Blobs extension 5.3.8 and later, here 5.3.10) passes over blobs written
    /// while it lists: it advances its high-water mark past them without notifying them (Azure/azure-sdk-for-net
    /// #62763), and on Azure only the $logs fallback finds them minutes later — Azurite has no $logs. Measured with
    /// the reconciler off (`ingest load --count 200 --rate 4`): 27 of 200 never triggered. It also notifies one blob
    /// at a time, eight storage calls each, so a burst waits in line behind it. The reconciler is therefore this
    /// host's second way in: every 5 s it runs blobs older than 10 s that have no status, 8 at a time. On Azure
    /// (Event Grid) the Functions timer runs it every 5 minutes.
    /// </summary>
    /// <remarks>
    /// The trigger settings are host.json's (<see cref="HostJson"/>), except the queue polling interval: an idle queue
    /// backs off up to this long between polls, which a local run pays in latency at low drop rates (measured: p95
    /// 1.6 s at 4/s with host.json's 2 s); on Azure host.json keeps 2 s because every poll is a billed transaction.
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, string?> StandaloneDefaults = new Dictionary<string, string?>
    {
        ["Ingestion:ReconcileAfter"] = "00:00:10",
        ["Ingestion:ReconcileInterval"] = "00:00:05",
        // a recount is a partition query per marked entity: cheap on Azurite, and the dashboard's ranking stays fresh
        ["Ingestion:RankingInterval"] = "00:00:05",
        [HostJson.WebJobsExtensionsSection + ":Queues:MaxPollingInterval"] = "00:00:00.500",
    };

    /// <summary>
    /// How long a stop waits for in-flight work (function invocations, HTTP requests, background sweeps) before it
    /// abandons it; the default 30 s would keep a Ctrl+C waiting on retries to storage that has already gone. An
    /// abandoned invocation is safe: its message or blob is delivered again (at-least-once) and every stage is
    /// idempotent.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <param name="args">Command-line arguments (e.g. <c>--urls</c>, <c>--AzureWebJobsStorage</c>).</param>
    /// <param name="settings">Settings that override appsettings and environment (tests and the CLI pass storage here).</param>
    /// <param name="handleSignals">
    /// False when the host runs inside a program that owns Ctrl+C and SIGTERM (<c>ingest up</c>): the host then
    /// stops only when that program stops it, in the order it chooses, and a second Ctrl+C still ends the process.
    /// </param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null, bool handleSignals = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Lowest first, so every other source overrides them: host.json's trigger settings (the Functions app's), then
        // this host's own defaults where they differ.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = HostJson.WebJobsExtensionSettings });
        builder.Configuration.Sources.Insert(1, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = StandaloneDefaults });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);

        // The API takes no request bodies: refuse large ones and oversized headers before they reach a route.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = ShutdownTimeout;
            // All at once: the sweeps' tokens are cancelled when the stop begins, not after the job host's stop
            // (up to the whole timeout when storage is gone), during which they would retry and log its failures.
            host.ServicesStopConcurrently = true;
        });
        if (!handleSignals)
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddIngestionPipeline(builder.Configuration);
        builder.Services.AddApiDescription();
        builder.Services.AddSingleton<PipelineTriggers>();
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddHostedService<ReconcilerService>();
        builder.Services.AddHostedService<RankingService>();
        builder.Services.AddSingleton<Microsoft.Azure.WebJobs.Host.Timers.IWebJobsExceptionHandlerFactory, StopOnListenerFailure.Factory>();
        // Blob and queue options bind from AzureWebJobs:Extensions, where host.json's settings were placed above.
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            webJobs.AddAzureStorageBlobs();
            webJobs.AddAzureStorageQueues();
        });
        BoundedJobHostStop.ReplaceIn(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<LoopbackOnly>();
        ApiEndpoints.UseDashboard(app);
        ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Disposes a host after its stop. The SDK disposes its listeners by stopping their timers once more, which throws
    /// "The timer has already been stopped" after a stop that failed or was abandoned: logged (Information), not
    /// thrown, because the host has stopped and there is nothing left to release but the process. Not an error a user
    /// must read after Ctrl+C: whether it happens depends on how far the listeners had got when the stop was cut off.
    /// </summary>
    public static async Task DisposeAfterStopAsync(WebApplication host)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StandaloneHost));
        try
        {
            await host.DisposeAsync();
        }
        catch (InvalidOperationException e)
        {
            // the logging providers are disposed with the host: a provider that refuses the line now has nothing to say
            try { logger.LogInformation("Shutdown: the job host could not dispose a listener its stop had already ended ({Message})", e.Message); }
            catch (ObjectDisposedException) { }
        }
    }

    /// <summary>Runs the reconciler every <see cref="PipelineOptions.ReconcileInterval"/> (what the Functions timer does on Azure).</summary>
    private sealed class ReconcilerService(Reconciler reconciler, IOptions<PipelineOptions> options, ILogger<ReconcilerService> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await reconciler.RunAsync(cancellationToken: stoppingToken);
                }
                // Anything but the host's own shutdown is logged and retried: an exception escaping a background
                // service stops the whole host, and a storage timeout can arrive as an OperationCanceledException.
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Reconciler run failed; retrying at the next interval");
                }
            }
        }
    }

    /// <summary>A lifetime that listens for no signal: the embedding program starts and stops the host.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Creates containers, queues and tables before the triggers start listening.</summary>
    private sealed class StorageInitializer(PipelineStorage storage) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
