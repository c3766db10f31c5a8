using System.Text;
using Ingestion.Core.Input;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Versions;
using Ingestion.StoryCorpus;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

/// <summary>Versions of an overwritten blob, and a copy's differences, through both stages against Azurite.</summary>
public class VersionTests
{
    private static byte[] Text(SourceArticle article, Format format = Format.CleanText) =>
        Encoding.UTF8.GetBytes(Renderer.Render(article, format, Chrome.None));

    private static (SourceArticle Story, SourceArticle Update, string Speaker) Article(int seed)
    {
        var random = new Random(seed);
        var speaker = SyntheticArticle.Speaker(random);
        var story = SyntheticArticle.Create(random, speaker);
        var update = Edits.AddUpdate(story, random) with { Title = story.Title + ": what we know" };
        update = update with { Body = [.. update.Body, new BodyBlock(BlockKind.Paragraph, $"\"The count will take until Friday,\" {speaker} said.")] };
        return (story, update, speaker);
    }

    [Fact]
    public async Task An_overwritten_blob_keeps_its_earlier_version_and_says_what_changed()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (story, update, _) = Article(701);
        var name = TestPipeline.UniqueName();
        var id = ArticleIdentity.IdFromName(name);
        await StoryTests.RunAsync(p, name, Text(story));
        await p.DropAsync(name, Text(update));
        await p.Get<CleanStage>().HandleAsync(name);
        var message = await StoryTests.PointerAsync(p, id);
        await p.Get<ExtractStage>().HandleAsync(message);

        var history = (await p.Get<ArticleQueries>().HistoryAsync(id))!;
        Assert.Equal(2, history.Versions.Count);
        var (v1, v2) = (history.Versions[0], history.Versions[1]);
        Assert.Equal((1, false, story.Title), (v1.Number, v1.Current, v1.Title));
        Assert.Equal((2, true, update.Title), (v2.Number, v2.Current, v2.Title));
        Assert.Null(v1.Changes);
        var changes = v2.Changes!;
        Assert.True(changes.TitleChanged);
        Assert.Equal((story.Title, update.Title), (changes.TitleBefore, changes.TitleAfter));
        Assert.Equal(2, changes.ParagraphsAdded.Count);
        Assert.Contains(changes.ParagraphsAdded, b => b.Text.Contains("updated", StringComparison.Ordinal) || b.Text.Contains("details", StringComparison.Ordinal) || b.Text.Contains("Update", StringComparison.Ordinal));
        Assert.Empty(changes.ParagraphsRemoved);
        Assert.Equal("The count will take until Friday,", Assert.Single(changes.QuotesAdded).Text);
        Assert.Empty(changes.QuotesRemoved);
        Assert.Equal(v1.Story, v2.Story); // an update of a story stays in it
        // The earlier version's text and analysis are still there.
        var rows = await p.Get<VersionStore>().ListAsync(id);
        var kept = (await p.Get<VersionStore>().ReadAsync(rows[0]))!;
        Assert.Equal(story.Title, kept.Article.Title);
        Assert.Equal(v1.Quotes, kept.Analysis.Quotes.Count);

        // Replays, a re-drop of the same bytes and a reprocess add no version.
        Assert.Equal(StageOutcome.Skipped, await p.Get<ExtractStage>().HandleAsync(message, dequeueCount: 2));
        Assert.Equal(StageOutcome.Skipped, await p.Get<CleanStage>().HandleAsync(name));
        await p.Get<CleanStage>().HandleAsync(name, force: true);
        await p.Get<ExtractStage>().HandleAsync(await StoryTests.PointerAsync(p, id));
        Assert.Equal(2, (await p.Get<VersionStore>().ListAsync(id)).Count);

        // The first content dropped again is a third version, whose changes undo the second's.
        await p.DropAsync(name, Text(story));
        await p.Get<CleanStage>().HandleAsync(name);
        await p.Get<ExtractStage>().HandleAsync(await StoryTests.PointerAsync(p, id));
        history = (await p.Get<ArticleQueries>().HistoryAsync(id))!;
        Assert.Equal(3, history.Versions.Count);
        Assert.True(history.Versions[2].Current);
        Assert.Equal(2, history.Versions[2].Changes!.ParagraphsRemoved.Count);
        Assert.Single(history.Versions[2].Changes!.QuotesRemoved);
    }

    [Fact]
    public async Task A_crash_after_the_version_is_kept_makes_no_second_version()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (story, _, _) = Article(702);
        var name = TestPipeline.UniqueName();
        var id = ArticleIdentity.IdFromName(name);
        await p.DropAsync(name, Text(story, Format.TextDump));
        await p.Get<CleanStage>().HandleAsync(name);
        var message = await StoryTests.PointerAsync(p, id);
        await p.Get<ExtractStage>().HandleAsync(message);
        // As if the process died before its last write: the status row never said 'extracted'.
        var row = (await p.Get<ArticleRepository>().GetAsync(id))!;
        row.Status = ArticleStatus.Cleaned;
        await p.Get<ArticleRepository>().SaveAsync(row);

        Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(message, dequeueCount: 2));

        var version = Assert.Single((await p.Get<ArticleQueries>().HistoryAsync(id))!.Versions);
        Assert.True(version.Current);
        Assert.Single(await p.Get<Stories.StoryStore>().CopiesAsync(row.StoryId!));
    }

    [Fact]
    public async Task A_copy_under_another_name_shows_how_it_differs_from_the_first_copy()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (story, update, _) = Article(703);
        var first = await StoryTests.RunAsync(p, TestPipeline.UniqueName(), Text(story));
        var copy = await StoryTests.RunAsync(p, TestPipeline.UniqueName(".json"), Text(update, Format.Json));
        Assert.Equal(first.PartitionKey, copy.DuplicateOf);

        var result = await p.Get<IngestionApi>().ArticleVersionsAsync(copy.PartitionKey, default);
        var history = Assert.IsType<ArticleHistory>(result.Body);
        var copyOf = history.CopyOf!;
        Assert.Equal(first.PartitionKey, copyOf.Id);
        Assert.Equal(first.Name, copyOf.Name);
        Assert.Equal(copy.Similarity, copyOf.Similarity);
        Assert.True(copyOf.Changes!.TitleChanged);
        Assert.Equal(2, copyOf.Changes.ParagraphsAdded.Count);
        Assert.Single(copyOf.Changes.QuotesAdded);
        Assert.Null(Assert.IsType<ArticleHistory>((await p.Get<IngestionApi>().ArticleVersionsAsync(first.PartitionKey, default)).Body).CopyOf);

        Assert.Equal(400, (await p.Get<IngestionApi>().ArticleVersionsAsync("NOT-AN-ID", default)).StatusCode);
        Assert.Equal(404, (await p.Get<IngestionApi>().ArticleVersionsAsync("0123456789abcdef", default)).StatusCode);
    }
}
