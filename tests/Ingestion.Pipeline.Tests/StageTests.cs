using System.Text;
using Azure.Data.Tables;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Pipeline.Tests;

/// <summary>The two stages against a real Azurite: outcomes, idempotency, stale and missing inputs.</summary>
public class StageTests
{
    private static readonly byte[] Seed = File.ReadAllBytes(RepositoryPaths.Seed);

    private static async Task<ExtractMessage> ReceiveMessageForAsync(TestPipeline p, string id) =>
        ExtractMessage.TryParse((await p.TakePointerAsync(id)).Body.ToString())!;

    /// <summary>Drops the seed under a fresh name, runs the clean stage, and takes its pointer off the queue.</summary>
    private static async Task<(string Name, string Id, ExtractMessage Message)> DropCleanAndTakePointerAsync(TestPipeline p)
    {
        var name = TestPipeline.UniqueName();
        var id = ArticleIdentity.IdFromName(name);
        await p.DropAsync(name, Seed);
        await p.Get<CleanStage>().HandleAsync(name);
        return (name, id, await ReceiveMessageForAsync(p, id));
    }

    private static async Task<int> CountAsync(TableClient table, string partition)
    {
        var n = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"))) n++;
        return n;
    }

    [Fact]
    public async Task Seed_goes_through_both_stages_and_is_extracted_with_its_title_and_quotes()
    {
        await using var p = await TestPipeline.CreateAsync();
        var name = TestPipeline.UniqueName();
        var id = ArticleIdentity.IdFromName(name);
        await p.DropAsync(name, Seed);

        Assert.Equal(StageOutcome.Done, await p.Get<CleanStage>().HandleAsync(name));
        var row = await p.Get<ArticleRepository>().GetAsync(id);
        Assert.Equal(ArticleStatus.Cleaned, row!.Status);
        Assert.Equal("Russia and China criticize NATO after Putin and Xi's talks", row.Title);

        var message = await ReceiveMessageForAsync(p, id);
        Assert.Equal(row.ContentHash, message.ContentHash);
        Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(message.ToJson()));

        var view = await p.Get<ArticleQueries>().GetAsync(id);
        Assert.Equal(ArticleStatus.Extracted, view!.Status);
        Assert.Equal(name, view.Name);
        Assert.NotEmpty(view.Quotes);
        Assert.Contains(view.Quotes, q => q.Text.Contains("developing progressively", StringComparison.Ordinal));
        Assert.Equal(view.Quotes.Count, await CountAsync(p.Storage.Quotes, id));
        Assert.NotNull(view.Timings.CleanedAt);
        Assert.NotNull(view.Timings.ExtractedAt);
    }

    [Fact]
    public async Task Replaying_the_blob_and_the_message_changes_nothing()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (name, id, message) = await DropCleanAndTakePointerAsync(p);
        await p.Get<ExtractStage>().HandleAsync(message.ToJson());
        var quotes = await CountAsync(p.Storage.Quotes, id);
        var entities = await CountAsync(p.Storage.Entities, id);
        var before = await p.Get<ArticleRepository>().GetAsync(id);

        Assert.Equal(StageOutcome.Skipped, await p.Get<ExtractStage>().HandleAsync(message.ToJson(), dequeueCount: 2));
        Assert.Equal(StageOutcome.Skipped, await p.Get<CleanStage>().HandleAsync(name));

        var after = await p.Get<ArticleRepository>().GetAsync(id);
        Assert.Equal(ArticleStatus.Extracted, after!.Status);
        Assert.Equal(before!.ExtractedAt, after.ExtractedAt);
        Assert.Equal(quotes, await CountAsync(p.Storage.Quotes, id));
        Assert.Equal(entities, await CountAsync(p.Storage.Entities, id));
        Assert.Equal(1, await CountAsync(p.Storage.Articles, id));
    }

    [Fact]
    public async Task Re_drops_through_both_stages_keep_the_cross_article_indexes_equal_to_the_latest_content()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (name, id, message) = await DropCleanAndTakePointerAsync(p);
        await p.Get<ExtractStage>().HandleAsync(message);
        await p.Get<ExtractStage>().HandleAsync(message.ToJson(), dequeueCount: 2); // a duplicate delivery
        static bool Mine(SpeakerQuoteRow q, string id) => q.ArticleId == id;
        var putin = TableKeys.EntityKey("Vladimir Putin");
        var timeline = (await p.Storage.SpeakerQuotes.PartitionAsync<SpeakerQuoteRow>(putin)).Where(q => Mine(q, id)).ToList();
        Assert.NotEmpty(timeline);
        Assert.Equal(timeline.Count, timeline.Select(q => q.RowKey).Distinct().Count());
        Assert.All(timeline, q => Assert.Equal("2022-02-04", q.Published));

        // The same page re-dropped with another date: every timeline row moves, none stays behind.
        await p.DropAsync(name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Seed).Replace("February 4, 2022", "March 9, 2022", StringComparison.Ordinal)));
        await p.Get<CleanStage>().HandleAsync(name);
        await p.Get<ExtractStage>().HandleAsync(await ReceiveMessageForAsync(p, id));
        var moved = (await p.Storage.SpeakerQuotes.PartitionAsync<SpeakerQuoteRow>(putin)).Where(q => Mine(q, id)).ToList();
        Assert.Equal(timeline.Count, moved.Count);
        Assert.All(moved, q => Assert.Equal("2022-03-09", q.Published));

        // Re-dropped as something that is no article: it leaves every index.
        await p.DropAsync(name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        Assert.Equal(StageOutcome.Rejected, await p.Get<CleanStage>().HandleAsync(name));
        Assert.DoesNotContain(await p.Storage.SpeakerQuotes.PartitionAsync<SpeakerQuoteRow>(putin), q => Mine(q, id));
        Assert.DoesNotContain(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(putin), r => r.RowKey == id);
        Assert.Empty(await p.Storage.IndexEntries.PartitionAsync<IndexEntryRow>(id));
    }

    [Fact]
    public async Task A_crash_between_status_and_enqueue_is_finished_by_the_replay()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (name, id, _) = await DropCleanAndTakePointerAsync(p); // the message is lost, as if the process died before sending it

        Assert.Equal(StageOutcome.Resumed, await p.Get<CleanStage>().HandleAsync(name));
        var message = await ReceiveMessageForAsync(p, id);
        Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(message));
    }

    [Fact]
    public async Task Overwritten_content_makes_the_old_message_stale_and_replaces_the_results()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (name, id, oldMessage) = await DropCleanAndTakePointerAsync(p);
        await p.Get<ExtractStage>().HandleAsync(oldMessage);
        Assert.True(await CountAsync(p.Storage.Quotes, id) > 1);

        var shorter = Encoding.UTF8.GetBytes("A short article\n\nThe minister said: \"We will decide next week.\"\n");
        await p.DropAsync(name, shorter);
        await p.Get<CleanStage>().HandleAsync(name);
        var newMessage = await ReceiveMessageForAsync(p, id);

        Assert.Equal(StageOutcome.Skipped, await p.Get<ExtractStage>().HandleAsync(oldMessage));
        Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(newMessage));
        var view = await p.Get<ArticleQueries>().GetAsync(id);
        Assert.Equal("A short article", view!.Title);
        Assert.Single(view.Quotes);
        Assert.Equal(1, await CountAsync(p.Storage.Quotes, id));
    }

    [Theory]
    [InlineData(new byte[0], "Empty")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 }, "Binary")]
    [InlineData(new byte[] { 0x41, 0xC3, 0x28, 0x42, 0x43 }, "InvalidEncoding")]
    public async Task Unusable_input_ends_failed_with_the_reason(byte[] content, string kind)
    {
        await using var p = await TestPipeline.CreateAsync();
        var name = TestPipeline.UniqueName();
        await p.DropAsync(name, content);

        Assert.Equal(StageOutcome.Rejected, await p.Get<CleanStage>().HandleAsync(name));
        var row = await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name));
        Assert.Equal(ArticleStatus.Failed, row!.Status);
        Assert.Equal(PipelineStage.Clean, row.ErrorStage);
        Assert.Equal(kind, row.ErrorKind);
        Assert.False(string.IsNullOrWhiteSpace(row.ErrorMessage));
        // A replay of rejected content is not retried into a loop.
        Assert.Equal(StageOutcome.Skipped, await p.Get<CleanStage>().HandleAsync(name));
    }

    [Fact]
    public async Task Oversize_blob_is_failed_without_being_read()
    {
        await using var p = await TestPipeline.CreateAsync(new Dictionary<string, string?> { ["Ingestion:MaxArticleBytes"] = "1000" });
        var name = TestPipeline.UniqueName();
        await p.DropAsync(name, Encoding.UTF8.GetBytes(new string('a', 5000)));

        Assert.Equal(StageOutcome.Rejected, await p.Get<CleanStage>().HandleAsync(name));
        var row = await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name));
        Assert.Equal(nameof(RejectionKind.TooLarge), row!.ErrorKind);
    }

    [Fact]
    public async Task A_blob_deleted_before_cleaning_is_skipped()
    {
        await using var p = await TestPipeline.CreateAsync();
        Assert.Equal(StageOutcome.Skipped, await p.Get<CleanStage>().HandleAsync(TestPipeline.UniqueName()));
    }

    [Fact]
    public async Task A_message_whose_clean_blob_is_missing_fails_the_article_visibly()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (name, id, message) = await DropCleanAndTakePointerAsync(p);
        await p.Storage.Clean.DeleteBlobAsync(message.CleanBlob);

        Assert.Equal(StageOutcome.Rejected, await p.Get<ExtractStage>().HandleAsync(message));
        var row = await p.Get<ArticleRepository>().GetAsync(id);
        Assert.Equal(ArticleStatus.Failed, row!.Status);
        Assert.Equal("CleanBlobMissing", row.ErrorKind);
    }

    [Fact]
    public async Task Poisoned_messages_leave_the_article_failed_with_the_last_error()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (name, id, message) = await DropCleanAndTakePointerAsync(p);
        var row = await p.Get<ArticleRepository>().GetAsync(id);
        row!.LastError = "RequestFailedException: table unavailable";
        await p.Get<ArticleRepository>().SaveAsync(row);

        await p.Get<PoisonHandler>().HandleExtractPoisonAsync(message.ToJson());

        row = await p.Get<ArticleRepository>().GetAsync(id);
        Assert.Equal(ArticleStatus.Failed, row!.Status);
        Assert.Equal("Poisoned", row.ErrorKind);
        Assert.Contains("table unavailable", row.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_trigger_poison_message_fails_the_article()
    {
        await using var p = await TestPipeline.CreateAsync();
        var name = TestPipeline.UniqueName();
        var poison = $$"""{"Type":"BlobTrigger","FunctionId":"Host.Functions.CleanArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"{{name}}","ETag":"0x1"}""";

        await p.Get<PoisonHandler>().HandleBlobPoisonAsync(poison);

        var row = await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name));
        Assert.Equal(ArticleStatus.Failed, row!.Status);
        Assert.Equal(PipelineStage.Clean, row.ErrorStage);
        Assert.Equal(name, row.Name);
    }

    [Fact]
    public async Task A_malformed_message_is_rejected_not_retried()
    {
        await using var p = await TestPipeline.CreateAsync();
        Assert.Equal(StageOutcome.Rejected, await p.Get<ExtractStage>().HandleAsync("{not json"));
    }
}

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
