using Ingestion.Core.Cleaning;
using Ingestion.Core.Extraction;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Health;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Stories;
using Ingestion.Pipeline.Versions;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Polly;
using Polly.Registry;

namespace Ingestion.Pipeline;

/// <summary>The one composition root both hosts (Functions and standalone) and the tests use.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddIngestionPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName));
        services.AddAzureClientsCore();
        services.AddSingleton(sp => StorageConnection.FromConfiguration(configuration, sp.GetRequiredService<AzureComponentFactory>()));
        services.AddSingleton<PipelineStorage>();
        services.AddSingleton<IArticleCleaner, DwArticleCleaner>();
        services.AddSingleton<IArticleAnalyzer, RuleBasedAnalyzer>();
        services.AddOptions<StorageWriteResilienceOptions>().Bind(configuration.GetSection(StorageWriteResilienceOptions.SectionName));
        services.AddResiliencePipeline(StorageWriteResilience.PipelineName, (builder, context) =>
            StorageWriteResilience.Configure(builder, context.GetOptions<StorageWriteResilienceOptions>()));
        services.AddSingleton(sp => new StorageWriteResilience(sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(StorageWriteResilience.PipelineName)));
        services.AddSingleton<StoryLocks>();
        services.AddSingleton<StoryStore>();
        services.AddSingleton<VersionStore>();
        services.AddSingleton<ArticleRepository>();
        services.AddSingleton<EntityRanking>();
        services.AddSingleton<CrossArticleIndex>();
        services.AddSingleton<ResultsStore>();
        services.AddSingleton<CrossArticleQueries>();
        services.AddSingleton<ArticleQueries>();
        services.AddSingleton<CleanStage>();
        services.AddSingleton<ExtractStage>();
        services.AddSingleton<PoisonHandler>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<IngestionApi>();
        services.AddStorageHealthChecks();
        if (PipelineTelemetry.IsExportConfigured(configuration))
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddPipelineTracing(configuration));
        return services;
    }
}
