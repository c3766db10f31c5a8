using Ingestion.Core.Input;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Pipeline.Tests;

/// <summary>Faults injected into the stage's write unit with Polly's chaos strategy.</summary>
public class FaultInjectionTests
{
    private static async Task<TestPipeline> FaultyWritesAsync() =>
        await TestPipeline.CreateAsync(configure: services => services.AddSingleton(new StorageWriteResilience(
            Polly.Simmy.ChaosFaultPipelineBuilderExtensions.AddChaosFault(new Polly.ResiliencePipelineBuilder(), 1.0, () => new Azure.RequestFailedException(503, "injected outage")).Build())));

    [Fact]
    public async Task A_failed_write_unit_leaves_the_article_retryable_with_the_error_recorded()
    {
        await using var p = await TestPipeline.CreateAsync();
        await using var faulty = await FaultyWritesAsync();
        var name = TestPipeline.UniqueName();
        var id = ArticleIdentity.IdFromName(name);
        await p.DropAsync(name, File.ReadAllBytes(RepositoryPaths.Seed));
        await p.Get<CleanStage>().HandleAsync(name);
        var row = await p.Get<ArticleRepository>().GetAsync(id);
        var message = new ExtractMessage(id, name, row!.ContentHash!, row.CleanBlob!, null);

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => faulty.Get<ExtractStage>().HandleAsync(message, dequeueCount: 2));

        row = await p.Get<ArticleRepository>().GetAsync(id);
        Assert.Equal(ArticleStatus.Cleaned, row!.Status); // not 'extracted': its rows were never written
        Assert.Contains("injected outage", row.LastError, StringComparison.Ordinal);
        Assert.Equal(2, row.Attempts);

        // The queue's next delivery, with storage back, finishes the job.
        Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(message, dequeueCount: 3));
        Assert.Equal(ArticleStatus.Extracted, (await p.Get<ArticleRepository>().GetAsync(id))!.Status);
    }

    [Fact]
    public async Task A_failed_clean_write_is_rethrown_for_the_trigger_and_recorded()
    {
        await using var faulty = await FaultyWritesAsync();
        var name = TestPipeline.UniqueName();
        await faulty.DropAsync(name, File.ReadAllBytes(RepositoryPaths.Seed));

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => faulty.Get<CleanStage>().HandleAsync(name));

        var row = await faulty.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name));
        Assert.Equal(ArticleStatus.Received, row!.Status);
        Assert.Contains("injected outage", row.LastError, StringComparison.Ordinal);
    }
}
