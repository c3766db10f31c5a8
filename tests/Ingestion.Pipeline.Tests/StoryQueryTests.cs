using System.Text;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stories;
using Ingestion.Pipeline.Storage;
using Ingestion.StoryCorpus;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

/// <summary>Cross-article answers count a story once and show its copies: the ranking, an entity's articles, a speaker's quotes.</summary>
public class StoryQueryTests
{
    [Fact]
    public async Task Copies_count_once_in_the_ranking_the_entity_listing_and_the_timeline()
    {
        await using var p = await TestPipeline.CreateAsync();
        var random = new Random(601);
        var speaker = SyntheticArticle.Speaker(random);
        var story = SyntheticArticle.Create(random, speaker);
        var updated = story with { Body = [.. story.Body, new BodyBlock(BlockKind.Paragraph, $"\"Nobody expected the vote to pass so early,\" {speaker} said late on Tuesday.")] };
        var other = SyntheticArticle.Create(random, speaker);

        var a = await StoryTests.RunAsync(p, TestPipeline.UniqueName(), Encoding.UTF8.GetBytes(Renderer.Render(story, Format.CleanText, Chrome.None)));
        var b = await StoryTests.RunAsync(p, TestPipeline.UniqueName(".html"), Encoding.UTF8.GetBytes(Renderer.Render(story, Format.NewLayoutHtml, Chrome.Random(random))));
        var c = await StoryTests.RunAsync(p, TestPipeline.UniqueName(".txt"), Encoding.UTF8.GetBytes(Renderer.Render(updated, Format.Syndication, Chrome.Random(random))));
        var d = await StoryTests.RunAsync(p, TestPipeline.UniqueName(), Encoding.UTF8.GetBytes(Renderer.Render(other, Format.CleanText, Chrome.None)));
        Assert.Equal([a.PartitionKey, a.PartitionKey, null], new[] { b, c, d }.Select(r => r.DuplicateOf));

        // The ranking: two stories, two further copies.
        await p.Get<EntityRanking>().SweepAsync();
        var key = TableKeys.EntityKey(speaker);
        var ranked = (await p.Get<CrossArticleQueries>().TopEntitiesAsync(EntityType.Person, CrossArticleQueries.MaxTop)).Items.Single(e => e.Key == key);
        Assert.Equal(2, ranked.Articles);
        Assert.Equal(2, ranked.Copies);

        // The entity's articles: one item per story, the first copy's naming the other two.
        var listed = await p.Get<ArticleQueries>().EntityArticlesAsync(speaker, null);
        Assert.Equal(new[] { a.PartitionKey, d.PartitionKey }.Order(StringComparer.Ordinal), listed.Articles.Select(m => m.Id).Order(StringComparer.Ordinal));
        var first = listed.Articles.Single(m => m.Id == a.PartitionKey);
        Assert.Equal(new[] { b.PartitionKey, c.PartitionKey }.Order(StringComparer.Ordinal), first.Copies!.Select(x => x.Id).Order(StringComparer.Ordinal));
        Assert.Equal(a.StoryId, first.Story);

        // The timeline: each quote of a story once; the quote only the updated copy has, from that copy.
        var timeline = await p.Get<CrossArticleQueries>().SpeakerQuotesAsync(speaker, null, null, null, null, null);
        Assert.Equal(timeline.Items.Count, timeline.Items.Select(q => q.Text).Distinct().Count());
        Assert.DoesNotContain(timeline.Items, q => q.ArticleId == b.PartitionKey);
        var fresh = Assert.Single(timeline.Items, q => q.Text.Contains("Nobody expected", StringComparison.Ordinal));
        Assert.Equal(c.PartitionKey, fresh.ArticleId);
        Assert.Equal(a.PartitionKey, fresh.DuplicateOf);
        Assert.Equal(2, timeline.Items.Count(q => q.ArticleId == a.PartitionKey));
        Assert.Equal(2, timeline.Items.Count(q => q.ArticleId == d.PartitionKey));

        // The first copy fails (re-dropped as no article): the story is still listed once, under its next copy.
        await p.Get<ArticleRepository>().FailAsync(a, PipelineStage.Clean, "NoArticle", "no article");
        await p.Get<EntityRanking>().SweepAsync();
        listed = await p.Get<ArticleQueries>().EntityArticlesAsync(speaker, null);
        Assert.Equal(new[] { b.PartitionKey, d.PartitionKey }.Order(StringComparer.Ordinal), listed.Articles.Select(m => m.Id).Order(StringComparer.Ordinal));
        timeline = await p.Get<CrossArticleQueries>().SpeakerQuotesAsync(speaker, null, null, null, null, null);
        Assert.Equal(timeline.Items.Count, timeline.Items.Select(q => q.Text).Distinct().Count());
        Assert.Equal(5, timeline.Items.Count);
        ranked = (await p.Get<CrossArticleQueries>().TopEntitiesAsync(EntityType.Person, CrossArticleQueries.MaxTop)).Items.Single(e => e.Key == key);
        Assert.Equal((2, 1), (ranked.Articles, ranked.Copies));
    }
}
