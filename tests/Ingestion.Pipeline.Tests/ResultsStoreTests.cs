using Azure.Data.Tables;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

public class ResultsStoreTests
{
    private static ArticleRow NewRow() =>
        new() { PartitionKey = Guid.NewGuid().ToString("N")[..16], Name = TestPipeline.UniqueName(), Status = ArticleStatus.Cleaned };

    [Fact]
    public async Task Fewer_entities_on_reprocessing_removes_the_old_rows_and_index_entries()
    {
        await using var p = await TestPipeline.CreateAsync();
        var store = p.Get<ResultsStore>();
        var row = NewRow();
        var nato = $"NATO {Guid.NewGuid():N}";
        await store.ReplaceAsync(row, new ArticleAnalysis(
            [new Entity("Olaf Scholz", EntityType.Person, ["Scholz"], 3, "Chancellor"), new Entity(nato, EntityType.Organization, [], 1, null)],
            [new Quote("We stand together", "Olaf Scholz", "said", QuoteAttribution.Explicit), new Quote("Another", null, null, QuoteAttribution.None)]));
        Assert.Single(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(TableKeys.EntityKey(nato)));

        await store.ReplaceAsync(row, new ArticleAnalysis([new Entity("Olaf Scholz", EntityType.Person, ["Scholz"], 2, "Chancellor")], [new Quote("We stand together", "Olaf Scholz", "said", QuoteAttribution.Explicit)]));

        var entities = await p.Storage.Entities.PartitionAsync<EntityRow>(row.PartitionKey);
        Assert.Equal("Olaf Scholz", Assert.Single(entities).Name);
        Assert.Equal(2, entities[0].Mentions);
        Assert.Single(await p.Storage.Quotes.PartitionAsync<QuoteRow>(row.PartitionKey));
        Assert.Empty(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(TableKeys.EntityKey(nato)));
    }

    [Fact]
    public async Task More_than_one_batch_of_rows_is_written_and_replayed_identically()
    {
        await using var p = await TestPipeline.CreateAsync();
        var row = NewRow();
        var quotes = Enumerable.Range(0, 250).Select(i => new Quote($"quote number {i}", null, null, QuoteAttribution.None)).ToList();
        await p.Get<ResultsStore>().ReplaceAsync(row, new ArticleAnalysis([], quotes));
        await p.Get<ResultsStore>().ReplaceAsync(row, new ArticleAnalysis([], quotes));

        var stored = await p.Storage.Quotes.PartitionAsync<QuoteRow>(row.PartitionKey);
        Assert.Equal(250, stored.Count);
        Assert.Equal("quote number 249", stored.Single(q => q.RowKey == "0249").Text);
    }

    [Fact]
    public async Task Oversize_text_is_cut_to_the_property_limit_and_flagged()
    {
        await using var p = await TestPipeline.CreateAsync();
        var row = NewRow();
        var huge = new string('x', 100_000);
        await p.Get<ResultsStore>().ReplaceAsync(row, new ArticleAnalysis([new Entity(new string('N', 5000), EntityType.Other, [], 1, null)], [new Quote(huge, null, null, QuoteAttribution.None)]));

        var quote = Assert.Single(await p.Storage.Quotes.PartitionAsync<QuoteRow>(row.PartitionKey));
        Assert.True(quote.TextTruncated);
        Assert.Equal(TableKeys.MaxStringChars, quote.Text.Length);
        var entity = Assert.Single(await p.Storage.Entities.PartitionAsync<EntityRow>(row.PartitionKey));
        Assert.True(entity.RowKey.Length <= TableKeys.MaxKeyChars);
    }

    [Fact]
    public async Task Who_said_what_is_one_partition_query_on_the_entity_index()
    {
        await using var p = await TestPipeline.CreateAsync();
        var speaker = $"Speaker {Guid.NewGuid():N}";
        var row = NewRow();
        await p.Get<ArticleRepository>().SaveAsync(row);
        await p.Get<ResultsStore>().ReplaceAsync(row, new ArticleAnalysis(
            [new Entity(speaker, EntityType.Person, [], 2, null)],
            [new Quote("first words", speaker, "said", QuoteAttribution.Pronoun), new Quote("someone else", null, null, QuoteAttribution.None)]));

        var result = await p.Get<ArticleQueries>().EntityArticlesAsync(speaker.ToUpperInvariant(), null);

        var mention = Assert.Single(result.Articles);
        Assert.Equal(row.PartitionKey, mention.Id);
        var quote = Assert.Single(mention.Quotes);
        Assert.Equal("first words", quote.Text);
        Assert.Equal(QuoteAttribution.Pronoun, quote.Attribution);
        var article = await p.Get<ArticleQueries>().GetAsync(row.PartitionKey);
        Assert.Equal([QuoteAttribution.Pronoun, QuoteAttribution.None], article!.Quotes.Select(q => q.Attribution));
    }

    [Fact]
    public async Task Injection_attempts_in_filters_match_nothing_and_bad_statuses_are_refused()
    {
        await using var p = await TestPipeline.CreateAsync();
        var row = NewRow();
        await p.Get<ArticleRepository>().SaveAsync(row);
        await p.Get<ResultsStore>().ReplaceAsync(row, new ArticleAnalysis([new Entity("Target Person", EntityType.Person, [], 1, null)], []));

        var injected = await p.Get<ArticleQueries>().EntityArticlesAsync("x' or true or 'a' eq 'a", null);
        Assert.Empty(injected.Articles);
        var listed = await p.Get<ArticleQueries>().ListAsync("x' or true or 'a' eq 'a", null);
        Assert.Empty(listed.Items);
        var api = await p.Get<IngestionApi>().ListArticlesAsync("x' or true or 'a' eq 'a", null, null, null, default);
        Assert.Equal(400, api.StatusCode);
        Assert.True(api.IsProblem);
    }

    [Fact]
    public async Task Listing_pages_with_continuation_tokens_without_repeats()
    {
        await using var p = await TestPipeline.CreateAsync();
        for (var i = 0; i < 5; i++)
            await p.Get<ArticleRepository>().SaveAsync(NewRow());

        var seen = new HashSet<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await p.Get<ArticleQueries>().ListAsync(ArticleStatus.Cleaned, continuation, pageSize: 2);
            Assert.True(page.Items.Count <= 2);
            foreach (var item in page.Items) Assert.True(seen.Add(item.Id), "an article appeared on two pages");
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 1000);
        Assert.True(seen.Count >= 5);
        Assert.True(pages >= 3);
    }
}
