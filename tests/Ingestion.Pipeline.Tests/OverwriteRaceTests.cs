using System.Text;
using Azure.Data.Tables;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Versions;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

/// <summary>
/// A blob overwritten while its earlier content is being extracted (issue 16): whatever order the two contents'
/// stage steps land in, the article ends on its newest content, extracted, with that content's rows, in one story.
/// </summary>
public class OverwriteRaceTests
{
    private static readonly byte[] Older = File.ReadAllBytes(RepositoryPaths.Seed);
    private static readonly byte[] Newer = Encoding.UTF8.GetBytes("A short article\n\nThe minister said: \"We will decide next week.\"\n");

    /// <summary>Drops and cleans the older content, and takes its pointer off the queue.</summary>
    private static async Task<(string Name, string Id, ExtractMessage Message)> CleanedOlderAsync(TestPipeline p)
    {
        var name = TestPipeline.UniqueName();
        var id = ArticleIdentity.IdFromName(name);
        await p.DropAsync(name, Older);
        Assert.Equal(StageOutcome.Done, await p.Get<CleanStage>().HandleAsync(name));
        return (name, id, await StoryTests.PointerAsync(p, id));
    }

    /// <summary>The blob is overwritten with the newer content and the clean stage runs on it.</summary>
    private static async Task OverwriteAndCleanAsync(TestPipeline p, string name)
    {
        await p.DropAsync(name, Newer);
        Assert.Equal(StageOutcome.Done, await p.Get<CleanStage>().HandleAsync(name));
    }

    /// <summary>
    /// Delivers every pointer for the article still on the queue, as the queue would. Each interleaving leaves the newer
    /// content's pointer (its clean stage's, or the hand-back's): waiting for that one matters, since the queue is
    /// shared by every test running at once and a few receives of 32 can miss it; any extra is delivered too.
    /// </summary>
    private static async Task DeliverPointersAsync(TestPipeline p, string id)
    {
        var pointers = await p.TakePointersAsync(m => m.Id == id, expected: 1, extraRounds: 3);
        foreach (var pointer in pointers)
            await p.Get<ExtractStage>().HandleAsync(pointer.Body.ToString());
    }

    /// <summary>The article holds the newer content, extracted, with exactly that content's rows, version and story.</summary>
    private static async Task AssertOnNewerContentAsync(TestPipeline p, string id)
    {
        var row = (await p.Get<ArticleRepository>().GetAsync(id))!;
        Assert.Equal((ArticleIdentity.ContentHash(Newer), ArticleStatus.Extracted), (row.ContentHash, row.Status));
        var view = (await p.Get<ArticleQueries>().GetAsync(id))!;
        Assert.Equal("A short article", view.Title);
        Assert.Equal("We will decide next week.", Assert.Single(view.Quotes).Text);
        var quotes = 0;
        await foreach (var _ in p.Storage.Quotes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"))) quotes++;
        Assert.Equal(1, quotes);

        var versions = await p.Get<VersionStore>().ListAsync(id);
        Assert.Equal(row.ContentHash, versions[^1].ContentHash);
        Assert.Equal(row.StoryId, versions[^1].StoryId);

        // In exactly one story, the one its row names, as its newer content.
        var copies = new List<TableEntity>();
        await foreach (var copy in p.Storage.Stories.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"copy|" + id}")))
            copies.Add(copy);
        var only = Assert.Single(copies);
        Assert.Equal((row.StoryId, row.ContentHash), (only.PartitionKey, only.GetString("ContentHash")));
    }

    [Fact]
    public async Task Content_cleaned_while_older_content_is_analysed_is_extracted_and_the_older_run_is_dropped()
    {
        var interleaving = new Interleaving();
        await using var p = await Interleaving.PipelineAsync(interleaving);
        var (name, id, older) = await CleanedOlderAsync(p);

        // The older content's extraction has read the row and the clean article and analysed them; before it writes
        // anything, the blob is overwritten and cleaned (status row -> newer content, its pointer enqueued).
        interleaving.BeforeWriteUnit(1, () => OverwriteAndCleanAsync(p, name));
        var olderOutcome = await p.Get<ExtractStage>().HandleAsync(older);

        await DeliverPointersAsync(p, id);
        await AssertOnNewerContentAsync(p, id);
        Assert.Equal(StageOutcome.Skipped, olderOutcome);
    }

    [Fact]
    public async Task Content_extracted_while_older_content_writes_its_results_keeps_its_own_results()
    {
        var interleaving = new Interleaving();
        await using var p = await Interleaving.PipelineAsync(interleaving);
        var (name, id, older) = await CleanedOlderAsync(p);

        // The older content's extraction has recorded its story and version; before its results and its 'extracted',
        // the newer content goes through both stages.
        interleaving.BeforeWriteUnit(2, async () =>
        {
            await OverwriteAndCleanAsync(p, name);
            Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(await StoryTests.PointerAsync(p, id)));
        });
        var olderOutcome = await p.Get<ExtractStage>().HandleAsync(older);

        // The older run's result writes landed after the newer content's: the newer content is extracted again, after them.
        await DeliverPointersAsync(p, id);
        await AssertOnNewerContentAsync(p, id);
        Assert.Equal(2, (await p.Get<VersionStore>().ListAsync(id)).Count); // the older content's version is kept
        Assert.Equal(StageOutcome.Skipped, olderOutcome);
    }

    [Fact]
    public async Task An_older_extraction_that_runs_after_the_overwrite_was_cleaned_drops_its_message()
    {
        var interleaving = new Interleaving();
        await using var p = await Interleaving.PipelineAsync(interleaving);
        var (name, id, older) = await CleanedOlderAsync(p);

        // The reverse order: the newer content's clean stage has written 'received' and cleaned it; before its
        // 'cleaned' status and pointer, the older content's message is delivered.
        await p.DropAsync(name, Newer);
        var olderOutcome = StageOutcome.Done;
        interleaving.BeforeWriteUnit(1, async () => olderOutcome = await p.Get<ExtractStage>().HandleAsync(older));
        Assert.Equal(StageOutcome.Done, await p.Get<CleanStage>().HandleAsync(name));
        Assert.Equal(StageOutcome.Skipped, olderOutcome);

        await DeliverPointersAsync(p, id);
        await AssertOnNewerContentAsync(p, id);
    }

    [Fact]
    public async Task An_older_extraction_that_reads_the_clean_article_after_the_overwrite_analyses_nothing()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (name, id, older) = await CleanedOlderAsync(p);
        var before = (await p.Get<ArticleRepository>().GetAsync(id))!;
        var newer = await p.Storage.Clean.GetBlobClient(older.CleanBlob).DownloadContentAsync();

        // What the older extraction sees in that window: the row it read still on the older content, the clean
        // article (same name) already the newer content's, as the newer clean stage wrote it.
        await p.Storage.Clean.GetBlobClient(older.CleanBlob).UploadAsync(
            new BinaryData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(p.Get<Ingestion.Core.Cleaning.IArticleCleaner>().Clean(ArticleInput.Decode(name, Newer)), Ingestion.Core.Json.IngestionJson.Options)),
            CleanBlobMetadata.Options(ArticleIdentity.ContentHash(Newer)));

        Assert.Equal(StageOutcome.Skipped, await p.Get<ExtractStage>().HandleAsync(older));
        var after = (await p.Get<ArticleRepository>().GetAsync(id))!;
        Assert.Equal((ArticleStatus.Cleaned, before.ETag), (after.Status, after.ETag)); // nothing written for it
        Assert.Empty(await p.Get<VersionStore>().ListAsync(id));
        Assert.Null(after.StoryId);
        Assert.True(newer.Value.Details.Metadata.ContainsKey(CleanBlobMetadata.ContentHash)); // the clean stage names its content
    }
}

/// <summary>The status row's optimistic concurrency, on its own.</summary>
public class StatusRowConcurrencyTests
{
    [Fact]
    public async Task A_save_from_a_stale_read_is_refused_and_leaves_the_newer_write_in_place()
    {
        await using var p = await TestPipeline.CreateAsync();
        var articles = p.Get<ArticleRepository>();
        var id = ArticleIdentity.IdFromName(TestPipeline.UniqueName());
        await articles.SaveAsync(new ArticleRow { PartitionKey = id, Name = "a.txt", ContentHash = "older" });
        var (stale, fresh) = ((await articles.GetAsync(id))!, (await articles.GetAsync(id))!);

        fresh.ContentHash = "newer";
        await articles.SaveAsync(fresh);
        fresh.Status = ArticleStatus.Cleaned;
        await articles.SaveAsync(fresh); // the same run writes again with the ETag its last write returned
        stale.Status = ArticleStatus.Extracted;
        await Assert.ThrowsAsync<StatusRowChangedException>(() => articles.SaveAsync(stale));
        // Creating a row that another run created meanwhile is refused too.
        await Assert.ThrowsAsync<StatusRowChangedException>(() => articles.SaveAsync(new ArticleRow { PartitionKey = id, Name = "a.txt", ContentHash = "other" }));

        var stored = (await articles.GetAsync(id))!;
        Assert.Equal(("newer", ArticleStatus.Cleaned), (stored.ContentHash, stored.Status));
    }

    [Fact]
    public async Task A_decision_that_finds_the_row_changed_is_taken_again_on_the_row_as_it_now_is()
    {
        await using var p = await TestPipeline.CreateAsync();
        var articles = p.Get<ArticleRepository>();
        var id = ArticleIdentity.IdFromName(TestPipeline.UniqueName());
        await articles.SaveAsync(new ArticleRow { PartitionKey = id, Name = "a.txt", ContentHash = "older" });

        var seen = new List<(string? Hash, bool Again)>();
        await articles.DecideAsync(id, async (row, again) =>
        {
            seen.Add((row!.ContentHash, again));
            if (!again)
            {
                var other = (await articles.GetAsync(id))!; // another run moves the row on between this read and its write
                other.ContentHash = "newer";
                await articles.SaveAsync(other);
            }
            row.Status = ArticleStatus.Cleaned;
            await articles.SaveAsync(row);
            return 0;
        });

        Assert.Equal([("older", false), ("newer", true)], seen);
        Assert.Equal(("newer", ArticleStatus.Cleaned), ((await articles.GetAsync(id))!.ContentHash, (await articles.GetAsync(id))!.Status));
    }

    [Fact]
    public async Task Conflicts_that_never_settle_go_to_the_trigger_after_a_bounded_number_of_decisions()
    {
        await using var p = await TestPipeline.CreateAsync();
        var articles = p.Get<ArticleRepository>();
        var id = ArticleIdentity.IdFromName(TestPipeline.UniqueName());
        await articles.SaveAsync(new ArticleRow { PartitionKey = id, Name = "a.txt", ContentHash = "h" });

        var decisions = 0;
        await Assert.ThrowsAsync<StatusRowChangedException>(() => articles.DecideAsync<int>(id, async (row, _) =>
        {
            decisions++;
            await articles.SaveAsync((await articles.GetAsync(id))!);
            await articles.SaveAsync(row!);
            return 0;
        }));
        Assert.Equal(ArticleRepository.MaxDecisions, decisions);
    }

    [Fact]
    public async Task A_conflict_is_not_retried_by_the_write_pipeline()
    {
        await using var p = await TestPipeline.CreateAsync();
        var tries = 0;
        await Assert.ThrowsAsync<StatusRowChangedException>(async () => await p.Get<StorageWriteResilience>().ExecuteAsync(_ =>
        {
            tries++;
            throw new StatusRowChangedException("0000000000000000", new Azure.RequestFailedException(412, "precondition failed"));
        }, CancellationToken.None));
        Assert.Equal(1, tries);
    }
}
