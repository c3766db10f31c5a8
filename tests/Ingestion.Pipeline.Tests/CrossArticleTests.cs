using Azure.Data.Tables;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

/// <summary>The cross-article indexes (speaker timeline, entity ranking) against Azurite: contents, order, filters, replays.</summary>
public class CrossArticleTests
{
    private static ArticleRow Article(string? published) =>
        new() { PartitionKey = Guid.NewGuid().ToString("N")[..16], Name = TestPipeline.UniqueName(), Status = ArticleStatus.Cleaned, Title = "Title " + published, Published = published };

    /// <summary>The entity's rank once the marked entities are recounted (the hosts sweep every few seconds).</summary>
    private static async Task<RankedEntity?> RankOfAsync(TestPipeline p, EntityType type, string name)
    {
        await p.Get<EntityRanking>().SweepAsync();
        var top = await p.Get<CrossArticleQueries>().TopEntitiesAsync(type, CrossArticleQueries.MaxTop);
        return top.Items.SingleOrDefault(e => e.Key == TableKeys.EntityKey(name));
    }

    [Fact]
    public async Task A_speakers_quotes_come_newest_first_by_any_spelling_and_filter_by_date_attribution_and_word()
    {
        await using var p = await TestPipeline.CreateAsync();
        var speaker = $"Ánna Speaker {Guid.NewGuid():N}";
        var store = p.Get<ResultsStore>();
        var older = Article("2024-01-10");
        var newer = Article("2024-03-05");
        var undated = Article(null);
        await store.ReplaceAsync(older, new ArticleAnalysis([new Entity(speaker, EntityType.Person, [], 2, null)],
            [new Quote("Winter words about gas", speaker, "said", QuoteAttribution.Explicit)]));
        await store.ReplaceAsync(newer, new ArticleAnalysis([new Entity(speaker, EntityType.Person, [], 3, null)],
            [new Quote("Spring words about peace", speaker, "said", QuoteAttribution.Explicit), new Quote("She added more", speaker, "added", QuoteAttribution.Pronoun),
             new Quote("Said by nobody", null, null, QuoteAttribution.None)]));
        await store.ReplaceAsync(undated, new ArticleAnalysis([], [new Quote("Undated words", $"{speaker} and Someone Else", "said", QuoteAttribution.Explicit)]));
        var queries = p.Get<CrossArticleQueries>();

        var all = await queries.SpeakerQuotesAsync(speaker.ToUpperInvariant().Replace("Á", "A", StringComparison.Ordinal), null, null, null, null, null);
        Assert.Equal(["Spring words about peace", "She added more", "Winter words about gas", "Undated words"], all.Items.Select(q => q.Text));
        Assert.Equal(speaker, all.Speaker);
        Assert.Equal(newer.PartitionKey, all.Items[0].ArticleId);
        Assert.Equal("2024-03-05", all.Items[0].Published);
        Assert.Equal("Title 2024-03-05", all.Items[0].Title);
        Assert.Equal(newer.Name, all.Items[0].ArticleName);
        Assert.Equal($"{speaker} and Someone Else", all.Items[3].Speaker);

        var march = await queries.SpeakerQuotesAsync(speaker, new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 5), null, null, null);
        Assert.Equal(2, march.Items.Count);
        var january = await queries.SpeakerQuotesAsync(speaker, null, new DateOnly(2024, 3, 4), null, null, null);
        Assert.Equal("Winter words about gas", Assert.Single(january.Items).Text);
        var fromFeb = await queries.SpeakerQuotesAsync(speaker, new DateOnly(2024, 2, 1), null, null, null, null);
        Assert.All(fromFeb.Items, q => Assert.Equal("2024-03-05", q.Published));
        var pronoun = await queries.SpeakerQuotesAsync(speaker, null, null, QuoteAttribution.Pronoun, null, null);
        Assert.Equal("She added more", Assert.Single(pronoun.Items).Text);
        var peace = await queries.SpeakerQuotesAsync(speaker, null, null, null, "PEACE", null);
        Assert.Equal("Spring words about peace", Assert.Single(peace.Items).Text);

        var paged = await queries.SpeakerQuotesAsync(speaker, null, null, null, null, null, pageSize: 3);
        Assert.Equal(3, paged.Items.Count);
        Assert.NotNull(paged.Continuation);
        var rest = await queries.SpeakerQuotesAsync(speaker, null, null, null, null, paged.Continuation, pageSize: 3);
        Assert.Equal("Undated words", Assert.Single(rest.Items).Text);
    }

    [Fact]
    public async Task Entities_rank_by_articles_and_counts_follow_replays_removals_and_type_changes()
    {
        await using var p = await TestPipeline.CreateAsync();
        var store = p.Get<ResultsStore>();
        var often = $"Often Event {Guid.NewGuid():N}";
        var rarely = $"Rare Event {Guid.NewGuid():N}";
        var articles = Enumerable.Range(0, 3).Select(i => Article($"2025-0{i + 1}-01")).ToList();
        foreach (var a in articles)
            await store.ReplaceAsync(a, new ArticleAnalysis([new Entity(often, EntityType.Event, [], 1, null)], []));
        await store.ReplaceAsync(articles[0], new ArticleAnalysis([new Entity(often, EntityType.Event, [], 1, null), new Entity(rarely, EntityType.Event, [], 1, null)], []));
        // A replay changes nothing.
        await store.ReplaceAsync(articles[0], new ArticleAnalysis([new Entity(often, EntityType.Event, [], 1, null), new Entity(rarely, EntityType.Event, [], 1, null)], []));

        await p.Get<EntityRanking>().SweepAsync();
        var top = await p.Get<CrossArticleQueries>().TopEntitiesAsync(EntityType.Event, CrossArticleQueries.MaxTop);
        var mine = top.Items.Where(e => e.Entity == often || e.Entity == rarely).ToList();
        Assert.Equal([(often, 3), (rarely, 1)], mine.Select(e => (e.Entity, e.Articles)));
        Assert.True(top.Items.Zip(top.Items.Skip(1)).All(pair => pair.First.Articles >= pair.Second.Articles), "most articles first");

        // One article drops the entity, another sees it as a person: each ranking counts what the index holds.
        await store.ReplaceAsync(articles[1], new ArticleAnalysis([], []));
        await store.ReplaceAsync(articles[2], new ArticleAnalysis([new Entity(often, EntityType.Person, [], 1, null)], []));
        Assert.Equal(1, (await RankOfAsync(p, EntityType.Event, often))!.Articles);
        Assert.Equal(1, (await RankOfAsync(p, EntityType.Person, often))!.Articles);
        await store.ReplaceAsync(articles[0], new ArticleAnalysis([], []));
        Assert.Null(await RankOfAsync(p, EntityType.Event, often));
        Assert.Null(await RankOfAsync(p, EntityType.Event, rarely));
        Assert.Single(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(TableKeys.EntityKey(often)));
        var rankRows = await p.Storage.EntityRanking.PartitionAsync<EntityRankRow>("event");
        Assert.DoesNotContain(rankRows, r => r.Key == TableKeys.EntityKey(often) || r.Key == TableKeys.EntityKey(rarely));
    }

    [Fact]
    public async Task A_changed_date_or_speaker_leaves_no_stale_timeline_rows_and_a_replay_no_duplicates()
    {
        await using var p = await TestPipeline.CreateAsync();
        var store = p.Get<ResultsStore>();
        var speaker = $"Timeline Speaker {Guid.NewGuid():N}";
        var other = $"Other Speaker {Guid.NewGuid():N}";
        var article = Article("2023-05-01");
        var analysis = new ArticleAnalysis([], [new Quote("one", speaker, "said", QuoteAttribution.Explicit), new Quote("two", speaker, "said", QuoteAttribution.Continued)]);
        await store.ReplaceAsync(article, analysis);
        await store.ReplaceAsync(article, analysis);
        Assert.Equal(2, (await p.Storage.SpeakerQuotes.PartitionAsync<SpeakerQuoteRow>(TableKeys.EntityKey(speaker))).Count);

        article.Published = "2023-06-01"; // a re-drop whose page now shows another date
        await store.ReplaceAsync(article, new ArticleAnalysis([], [new Quote("one", speaker, "said", QuoteAttribution.Explicit), new Quote("two", other, "said", QuoteAttribution.Explicit)]));

        var mine = await p.Storage.SpeakerQuotes.PartitionAsync<SpeakerQuoteRow>(TableKeys.EntityKey(speaker));
        Assert.Equal("2023-06-01", Assert.Single(mine).Published);
        Assert.Equal("two", Assert.Single(await p.Storage.SpeakerQuotes.PartitionAsync<SpeakerQuoteRow>(TableKeys.EntityKey(other))).Text);
        var records = await p.Storage.IndexEntries.PartitionAsync<IndexEntryRow>(article.PartitionKey);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.False(r.Pending));
    }

    [Fact]
    public async Task Rows_an_interrupted_write_left_behind_are_removed_by_the_next_run()
    {
        await using var p = await TestPipeline.CreateAsync();
        var orphan = $"Orphan {Guid.NewGuid():N}";
        var kept = $"Kept {Guid.NewGuid():N}";
        var article = Article("2022-02-04");
        // What a crash after step 2 of an analysis that named `orphan` leaves: its record (pending) and its index row.
        var key = TableKeys.EntityKey(orphan);
        await p.Storage.EntityIndex.UpsertEntityAsync(new EntityIndexRow { PartitionKey = key, RowKey = article.PartitionKey, Entity = orphan, Type = "organization" });
        await p.Storage.IndexEntries.UpsertEntityAsync(new IndexEntryRow
        {
            PartitionKey = article.PartitionKey, RowKey = IndexEntryRow.EntryKey(StorageNames.EntityIndexTable, key, article.PartitionKey, "organization"),
            Table = StorageNames.EntityIndexTable, TargetPartition = key, TargetRow = article.PartitionKey, Type = "organization", Entity = orphan, Pending = true,
        });
        await p.Get<EntityRanking>().RecountAsync(key, "organization", orphan);
        Assert.NotNull(await RankOfAsync(p, EntityType.Organization, orphan));

        await p.Get<ResultsStore>().ReplaceAsync(article, new ArticleAnalysis([new Entity(kept, EntityType.Organization, [], 1, null)], []));

        Assert.Empty(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(key));
        Assert.Null(await RankOfAsync(p, EntityType.Organization, orphan));
        Assert.Equal(1, (await RankOfAsync(p, EntityType.Organization, kept))!.Articles);
        var record = Assert.Single(await p.Storage.IndexEntries.PartitionAsync<IndexEntryRow>(article.PartitionKey));
        Assert.Equal(TableKeys.EntityKey(kept), record.TargetPartition);
    }

    [Fact]
    public async Task An_article_extracted_before_the_records_existed_loses_its_stale_index_rows_and_is_ranked()
    {
        await using var p = await TestPipeline.CreateAsync();
        var dropped = $"Dropped Org {Guid.NewGuid():N}";
        var kept = $"Kept Org {Guid.NewGuid():N}";
        var article = Article("2021-01-01");
        // What the previous version wrote: entity rows and index rows, no records, no ranking.
        foreach (var name in new[] { dropped, kept })
        {
            var key = TableKeys.EntityKey(name);
            await p.Storage.Entities.UpsertEntityAsync(new EntityRow { PartitionKey = article.PartitionKey, RowKey = key, Name = name, Type = "organization" });
            await p.Storage.EntityIndex.UpsertEntityAsync(new EntityIndexRow { PartitionKey = key, RowKey = article.PartitionKey, Entity = name, Type = "organization" });
        }

        await p.Get<ResultsStore>().ReplaceAsync(article, new ArticleAnalysis([new Entity(kept, EntityType.Organization, [], 1, null)], []));

        Assert.Empty(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(TableKeys.EntityKey(dropped)));
        Assert.Single(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(TableKeys.EntityKey(kept)));
        Assert.Equal(1, (await RankOfAsync(p, EntityType.Organization, kept))!.Articles);
        var record = Assert.Single(await p.Storage.IndexEntries.PartitionAsync<IndexEntryRow>(article.PartitionKey));
        Assert.False(record.Pending);
    }

    [Fact]
    public async Task An_article_that_fails_after_being_extracted_leaves_every_index()
    {
        await using var p = await TestPipeline.CreateAsync();
        var speaker = $"Failing Speaker {Guid.NewGuid():N}";
        var article = Article("2024-01-01");
        var analysis = new ArticleAnalysis([new Entity(speaker, EntityType.Person, [], 1, null)], [new Quote("soon gone", speaker, "said", QuoteAttribution.Explicit)]);
        await p.Get<ResultsStore>().ReplaceAsync(article, analysis);
        article.Status = ArticleStatus.Extracted;
        article.EntityCount = 1;
        article.QuoteCount = 1;
        await p.Get<ArticleRepository>().SaveAsync(article);

        // A re-drop of the same name whose new content is no article.
        await p.Get<ArticleRepository>().FailAsync(article, PipelineStage.Clean, "NoArticle", "no article");

        var key = TableKeys.EntityKey(speaker);
        Assert.Empty(await p.Storage.SpeakerQuotes.PartitionAsync<SpeakerQuoteRow>(key));
        Assert.Empty(await p.Storage.EntityIndex.PartitionAsync<EntityIndexRow>(key));
        Assert.Null(await RankOfAsync(p, EntityType.Person, speaker));
        var view = await p.Get<ArticleQueries>().GetAsync(article.PartitionKey);
        Assert.Equal(ArticleStatus.Failed, view!.Status);
        Assert.Empty(view.Entities);
        Assert.Empty(view.Quotes);
    }

    [Theory]
    [InlineData("planet", null)]
    [InlineData("3", null)]
    [InlineData(null, "0")]
    [InlineData(null, "501")]
    [InlineData(null, "-1")]
    [InlineData(null, "lots")]
    [InlineData(null, "99999999999999999999")]
    public async Task Bad_types_and_tops_are_400_problems(string? type, string? top)
    {
        await using var p = await TestPipeline.CreateAsync();
        var result = await p.Get<IngestionApi>().TopEntitiesAsync(type, top, default);
        Assert.Equal(400, result.StatusCode);
        Assert.True(result.IsProblem);
    }

    [Theory]
    [InlineData("Vladimir Putin", "2024-13-01", null, null, null, null)]
    [InlineData("Vladimir Putin", null, "yesterday", null, null, null)]
    [InlineData("Vladimir Putin", "2024-05-01", "2024-04-01", null, null, null)]
    [InlineData("Vladimir Putin", "0001-01-01", null, null, null, null)]
    [InlineData("Vladimir Putin", null, null, "certain", null, null)]
    [InlineData("Vladimir Putin", null, null, "1", null, null)]
    [InlineData("Vladimir Putin", null, null, null, "x", null)]
    [InlineData("Vladimir Putin", null, null, null, null, "100000")]
    [InlineData(" ", null, null, null, null, null)]
    public async Task Bad_timeline_parameters_are_400_problems(string name, string? from, string? to, string? attribution, string? q, string? pageSize)
    {
        await using var p = await TestPipeline.CreateAsync();
        var result = await p.Get<IngestionApi>().SpeakerQuotesAsync(name, from, to, attribution, q, pageSize, null, default);
        Assert.Equal(400, result.StatusCode);
        Assert.True(result.IsProblem);
    }

    [Fact]
    public async Task Injection_in_a_speaker_name_matches_nothing_and_unknown_speakers_are_empty()
    {
        await using var p = await TestPipeline.CreateAsync();
        var speaker = $"Injected Speaker {Guid.NewGuid():N}";
        await p.Get<ResultsStore>().ReplaceAsync(Article("2024-01-01"), new ArticleAnalysis([], [new Quote("words", speaker, "said", QuoteAttribution.Explicit)]));

        var injected = await p.Get<CrossArticleQueries>().SpeakerQuotesAsync("x' or PartitionKey ne 'a", null, null, null, null, null);
        Assert.Empty(injected.Items);
        var unknown = await p.Get<IngestionApi>().SpeakerQuotesAsync("Nobody " + Guid.NewGuid(), null, null, null, null, null, null, default);
        Assert.Equal(200, unknown.StatusCode);
        Assert.Empty(((SpeakerTimeline)unknown.Body).Items);
    }
}
