using System.Text;
using Ingestion.Core.Input;
using Ingestion.Core.Stories;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Stories;
using Ingestion.StoryCorpus;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

/// <summary>Stories through both stages against Azurite: copies found by content, their rows, replays, crashes, races, locks.</summary>
public class StoryTests
{
    /// <summary>An article of its own (no other test's story), and the renderings used as its copies.</summary>
    private static SourceArticle NewArticle(int seed) => SyntheticArticle.Create(new Random(seed), SyntheticArticle.Speaker(new Random(seed)));

    private static byte[] Bytes(SourceArticle article, Format format, bool chrome = false, int seed = 1) =>
        Encoding.UTF8.GetBytes(Renderer.Render(article, format, chrome ? Chrome.Random(new Random(seed)) : Chrome.None));

    /// <summary>Drops <paramref name="content"/> as <paramref name="name"/> and runs it through both stages; the status row after.</summary>
    internal static async Task<ArticleRow> RunAsync(TestPipeline p, string name, byte[] content)
    {
        await p.DropAsync(name, content);
        await p.Get<CleanStage>().HandleAsync(name);
        var message = await PointerAsync(p, ArticleIdentity.IdFromName(name));
        await p.Get<ExtractStage>().HandleAsync(message);
        return (await p.Get<ArticleRepository>().GetAsync(ArticleIdentity.IdFromName(name)))!;
    }

    internal static async Task<ExtractMessage> PointerAsync(TestPipeline p, string id)
    {
        for (var i = 0; i < 100; i++)
        {
            foreach (var m in (await p.Storage.ExtractQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value)
            {
                if (ExtractMessage.TryParse(m.Body.ToString()) is not { } message || message.Id != id) continue;
                await p.Storage.ExtractQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                return message;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("no extract message for " + id);
    }

    /// <summary>How many of the sketch's bands file the story.</summary>
    private static async Task<int> BandsFilingAsync(TestPipeline p, string story, StorySketch sketch)
    {
        var filed = 0;
        foreach (var band in StoryBands.Keys(sketch))
            if ((await p.Storage.StoryBands.GetEntityIfExistsAsync<StoryBandRow>(band, story)).HasValue) filed++;
        return filed;
    }

    [Fact]
    public async Task A_page_its_text_dump_and_an_edited_copy_under_other_names_are_one_story()
    {
        await using var p = await TestPipeline.CreateAsync();
        var article = NewArticle(101);
        var first = await RunAsync(p, TestPipeline.UniqueName(), Bytes(article, Format.TextDump, chrome: true));
        var page = await RunAsync(p, TestPipeline.UniqueName(".html"), Bytes(article, Format.NewLayoutHtml, chrome: true, seed: 2));
        var edited = await RunAsync(p, TestPipeline.UniqueName(".json"), Bytes(Edits.AddUpdate(article, new Random(3)), Format.Json));
        var other = await RunAsync(p, TestPipeline.UniqueName(), Bytes(NewArticle(102), Format.TextDump, chrome: true));

        Assert.All(new[] { first, page, edited, other }, r => Assert.Equal(ArticleStatus.Extracted, r.Status));
        Assert.Null(first.DuplicateOf);
        Assert.Equal(1.0, first.Similarity);
        Assert.Equal(StoryStore.StoryIdOf(first.PartitionKey, first.ContentHash!), first.StoryId);
        Assert.All(new[] { page, edited }, r =>
        {
            Assert.Equal(first.StoryId, r.StoryId);
            Assert.Equal(first.PartitionKey, r.DuplicateOf);
        });
        Assert.Equal(1.0, page.Similarity);
        Assert.InRange(edited.Similarity!.Value, StoryMatch.Threshold, 0.99);
        Assert.NotEqual(first.StoryId, other.StoryId);
        Assert.Null(other.DuplicateOf);

        var copies = await p.Get<StoryStore>().CopiesAsync(first.StoryId!);
        Assert.Equal([first.PartitionKey, page.PartitionKey, edited.PartitionKey], copies.Select(c => c.ArticleId)); // first copy first, then as they came
        Assert.Equal([true, false, false], copies.Select(c => c.First));
        var view = await p.Get<ArticleQueries>().GetAsync(page.PartitionKey);
        Assert.Equal(first.PartitionKey, view!.DuplicateOf);
        Assert.Equal([first.PartitionKey, edited.PartitionKey], view.Copies.Select(c => c.Id));
        Assert.True(view.Copies.Single(c => c.Id == first.PartitionKey).First);
        // Only the first copy is filed under the bands: copies never crowd them.
        var sketch = StorySketch.FromBytes((await p.Get<StoryStore>().GetAsync(first.StoryId!))!.Sketch, 1)!;
        Assert.Equal(StoryBands.Count, await BandsFilingAsync(p, first.StoryId!, sketch));
        Assert.Equal(0, await BandsFilingAsync(p, StoryStore.StoryIdOf(page.PartitionKey, page.ContentHash!), sketch));
    }

    [Fact]
    public async Task Replays_and_re_drops_of_identical_bytes_make_no_second_story_or_copy()
    {
        await using var p = await TestPipeline.CreateAsync();
        var article = NewArticle(201);
        var name = TestPipeline.UniqueName();
        var bytes = Bytes(article, Format.CleanText);
        var first = await RunAsync(p, name, bytes);
        var copyName = TestPipeline.UniqueName(".html");
        var copy = await RunAsync(p, copyName, Bytes(article, Format.OldLayoutHtml, chrome: true));

        // The same bytes again under the same name; the copy's message delivered twice more.
        await p.DropAsync(name, bytes);
        Assert.Equal(StageOutcome.Skipped, await p.Get<CleanStage>().HandleAsync(name));
        var message = new ExtractMessage(copy.PartitionKey, copyName, copy.ContentHash!, copy.CleanBlob!, null);
        Assert.Equal(StageOutcome.Skipped, await p.Get<ExtractStage>().HandleAsync(message, dequeueCount: 2));
        // A reprocess runs both stages again on the same content: the story is the one chosen before.
        await p.Get<CleanStage>().HandleAsync(copyName, force: true);
        await p.Get<ExtractStage>().HandleAsync(await PointerAsync(p, copy.PartitionKey));

        var after = (await p.Get<ArticleRepository>().GetAsync(copy.PartitionKey))!;
        Assert.Equal(copy.StoryId, after.StoryId);
        Assert.Equal(first.PartitionKey, after.DuplicateOf);
        Assert.Equal(2, (await p.Get<StoryStore>().CopiesAsync(first.StoryId!)).Count);
    }

    /// <summary>Drops and cleans a new article; its extract message, status row and sketch, ready for a hand-made extraction.</summary>
    private static async Task<(ExtractMessage Message, ArticleRow Row, StorySketch Sketch)> CleanedAsync(TestPipeline p, string name, byte[] bytes)
    {
        await p.DropAsync(name, bytes);
        await p.Get<CleanStage>().HandleAsync(name);
        var message = await PointerAsync(p, ArticleIdentity.IdFromName(name));
        var row = (await p.Get<ArticleRepository>().GetAsync(message.Id))!;
        return (message, row, StorySketch.Of(Processor.Cleaner.Clean(ArticleInput.Decode(name, bytes)))!);
    }

    [Fact]
    public async Task A_crash_after_the_choice_is_recorded_is_finished_by_the_replay_with_the_same_story()
    {
        await using var p = await TestPipeline.CreateAsync();
        var (message, row, sketch) = await CleanedAsync(p, TestPipeline.UniqueName(), Bytes(NewArticle(301), Format.TextDump, chrome: true));

        // The process dies right after recording its choice, before the article's copy row is written.
        await Assert.ThrowsAsync<InvalidOperationException>(() => p.Get<StoryStore>().AssignAsync(row, sketch, async r =>
        {
            await p.Get<ArticleRepository>().SaveAsync(r);
            throw new InvalidOperationException("crash");
        }));
        var recorded = (await p.Get<ArticleRepository>().GetAsync(message.Id))!;
        Assert.Equal(ArticleStatus.Cleaned, recorded.Status);
        Assert.NotNull(recorded.StoryId);
        Assert.NotNull(await p.Get<StoryStore>().GetAsync(recorded.StoryId!)); // filed before it was recorded
        Assert.Empty(await p.Get<StoryStore>().CopiesAsync(recorded.StoryId!));

        Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(message, dequeueCount: 2));
        var done = (await p.Get<ArticleRepository>().GetAsync(message.Id))!;
        Assert.Equal(recorded.StoryId, done.StoryId);
        Assert.Single(await p.Get<StoryStore>().CopiesAsync(done.StoryId!));
        Assert.Equal(StoryBands.Count, await BandsFilingAsync(p, done.StoryId!, sketch));
    }

    [Fact]
    public async Task A_crash_between_filing_a_story_and_recording_it_leaves_one_story_for_the_replay_and_for_copies_meanwhile()
    {
        await using var p = await TestPipeline.CreateAsync();
        var article = NewArticle(302);
        var (message, row, sketch) = await CleanedAsync(p, TestPipeline.UniqueName(), Bytes(article, Format.TextDump, chrome: true));

        // The process dies after filing the story it starts, before its status row says so; its replay comes late.
        await Assert.ThrowsAsync<InvalidOperationException>(() => p.Get<StoryStore>().AssignAsync(row, sketch, _ => throw new InvalidOperationException("crash")));
        var story = StoryStore.StoryIdOf(message.Id, message.ContentHash);
        Assert.Null((await p.Get<ArticleRepository>().GetAsync(message.Id))!.StoryId);
        Assert.Equal(StoryBands.Count, await BandsFilingAsync(p, story, sketch));
        // As if it had died while filing: five bands without the story.
        foreach (var band in StoryBands.Keys(sketch).Take(5))
            await p.Storage.StoryBands.DeleteEntityAsync(band, story);

        // A copy extracted before the replay joins the story the dead run filed, rather than starting one of its own.
        var copy = await RunAsync(p, TestPipeline.UniqueName(".html"), Bytes(article, Format.NewLayoutHtml, chrome: true, seed: 3));
        Assert.Equal(story, copy.StoryId);
        Assert.Equal(message.Id, copy.DuplicateOf);

        Assert.Equal(StageOutcome.Done, await p.Get<ExtractStage>().HandleAsync(message, dequeueCount: 2));
        var done = (await p.Get<ArticleRepository>().GetAsync(message.Id))!;
        Assert.Equal(story, done.StoryId);
        Assert.Null(done.DuplicateOf);
        Assert.Equal([message.Id, copy.PartitionKey], (await p.Get<StoryStore>().CopiesAsync(story)).Select(c => c.ArticleId));
        Assert.Equal(StoryBands.Count, await BandsFilingAsync(p, story, sketch)); // the replay filed the missing bands
        Assert.Equal(0, await BandsFilingAsync(p, StoryStore.StoryIdOf(copy.PartitionKey, copy.ContentHash!), sketch));
    }

    private static readonly Core.ArticleProcessor Processor = Core.ArticleProcessor.CreateDefault();

    [Fact]
    public async Task Copies_extracted_at_the_same_moment_still_make_one_story()
    {
        await using var p = await TestPipeline.CreateAsync();
        Format[] formats = [Format.TextDump, Format.NewLayoutHtml, Format.JsonLd, Format.AmpHtml, Format.Syndication, Format.OldLayoutHtml, Format.Json, Format.CleanText];
        foreach (var copiesAtOnce in new[] { 2, 3, 8 })
        {
            var article = NewArticle(400 + copiesAtOnce);
            var messages = new List<ExtractMessage>();
            foreach (var format in formats.Take(copiesAtOnce))
            {
                var name = TestPipeline.UniqueName(format.Extension());
                await p.DropAsync(name, Bytes(article, format, chrome: true, seed: copiesAtOnce));
                await p.Get<CleanStage>().HandleAsync(name);
                messages.Add(await PointerAsync(p, ArticleIdentity.IdFromName(name)));
            }

            await Task.WhenAll(messages.Select(m => p.Get<ExtractStage>().HandleAsync(m)));

            var rows = await Task.WhenAll(messages.Select(async m => (await p.Get<ArticleRepository>().GetAsync(m.Id))!));
            Assert.Single(rows.Select(r => r.StoryId).Distinct());
            var firsts = rows.Where(r => r.DuplicateOf is null).ToList();
            var founder = Assert.Single(firsts);
            Assert.All(rows.Where(r => r != founder), r => Assert.Equal(founder.PartitionKey, r.DuplicateOf));
            Assert.Equal(copiesAtOnce, (await p.Get<StoryStore>().CopiesAsync(founder.StoryId!)).Count);
            var sketch = StorySketch.FromBytes((await p.Get<StoryStore>().GetAsync(founder.StoryId!))!.Sketch, 1)!;
            foreach (var band in StoryBands.Keys(sketch))
                Assert.False((await p.Storage.StoryBands.GetEntityIfExistsAsync<StoryLockRow>(band, StoryLockRow.RowKeyValue)).HasValue, "a lock was left behind");
        }
    }

    [Fact]
    public async Task A_lock_left_by_a_dead_holder_expires_and_a_replay_takes_its_own_lock_over()
    {
        await using var p = await TestPipeline.CreateAsync();
        var sketch = StorySketch.Of([string.Join(' ', Enumerable.Range(0, 50).Select(i => $"word{i}-{Guid.NewGuid():N}"))])!;
        var bands = StoryBands.Keys(sketch);
        await p.Storage.StoryBands.AddEntityAsync(new StoryLockRow { PartitionKey = bands[3], Owner = "deadbeefdeadbeef", ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1) });
        await p.Storage.StoryBands.AddEntityAsync(new StoryLockRow { PartitionKey = bands[5], Owner = "0123456789abcdef", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1) });

        await using (var held = await p.Get<StoryLocks>().AcquireAsync(bands, "0123456789abcdef"))
        {
            Assert.Equal(bands.Length, held.Count);
            var competitor = p.Get<StoryLocks>().AcquireAsync(bands[..1], "fedcba9876543210");
            await Task.Delay(300);
            Assert.False(competitor.IsCompleted, "a live lock is not taken over");
            await held.DisposeAsync();
            await using var second = await competitor.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(1, second.Count);
        }
        var left = await p.Storage.StoryBands.GetEntityIfExistsAsync<StoryLockRow>(bands[0], StoryLockRow.RowKeyValue);
        Assert.False(left.HasValue, "released locks are gone");
    }

    [Fact]
    public async Task An_article_re_dropped_as_no_article_leaves_its_story()
    {
        await using var p = await TestPipeline.CreateAsync();
        var article = NewArticle(501);
        var first = await RunAsync(p, TestPipeline.UniqueName(), Bytes(article, Format.CleanText));
        var name = TestPipeline.UniqueName(".html");
        var copy = await RunAsync(p, name, Bytes(article, Format.AmpHtml, chrome: true));
        Assert.Equal(first.PartitionKey, copy.DuplicateOf);

        await p.DropAsync(name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        Assert.Equal(StageOutcome.Rejected, await p.Get<CleanStage>().HandleAsync(name));

        var failed = (await p.Get<ArticleRepository>().GetAsync(copy.PartitionKey))!;
        Assert.Equal(ArticleStatus.Failed, failed.Status);
        Assert.Null(failed.StoryId);
        Assert.Null(failed.DuplicateOf);
        Assert.Equal([first.PartitionKey], (await p.Get<StoryStore>().CopiesAsync(first.StoryId!)).Select(c => c.ArticleId));
    }
}
