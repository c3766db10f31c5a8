using System.Text;
using Ingestion.Core.Input;
using Ingestion.StoryCorpus;

namespace Ingestion.Host.Testing;

/// <summary>
/// The end-to-end scenario through a running host: a story of its own dropped as a page, then as a text dump
/// under another name, then the dump overwritten with an update (a new paragraph, a new title). Afterwards the page is
/// the story's first copy, the dump its copy with two versions.
/// </summary>
public sealed record StoryScenario(string PageId, string CopyId, SourceArticle Story, SourceArticle Update)
{
    public static async Task<StoryScenario> RunAsync(RunningHost host, string folder, int seed)
    {
        var random = new Random(seed);
        var story = SyntheticArticle.Create(random, SyntheticArticle.Speaker(random));
        var update = Edits.AddUpdate(story, random) with { Title = story.Title + ": live updates" };
        var page = await DropAsync(host, $"{folder}/story-page.html", Renderer.Render(story, Format.NewLayoutHtml, Chrome.Random(random)));
        await host.WaitForArticleAsync(page.Id);
        var dump = await DropAsync(host, $"{folder}/story-dump.txt", Renderer.Render(story, Format.TextDump, Chrome.Random(random)));
        await host.WaitForArticleAsync(dump.Id);
        var updated = await DropAsync(host, $"{folder}/story-dump.txt", Renderer.Render(update, Format.TextDump, Chrome.Random(random)));
        await host.WaitForArticleAsync(dump.Id, updated.Hash);
        return new StoryScenario(page.Id, dump.Id, story, update);
    }

    private static async Task<(string Id, string Hash)> DropAsync(RunningHost host, string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await host.Storage.Drop.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        return (ArticleIdentity.IdFromName(name), ArticleIdentity.ContentHash(bytes));
    }
}
