using Ingestion.Pipeline.Api;
using Ingestion.Testing;

namespace Ingestion.Pipeline.Tests;

public class ApiTests
{
    [Theory]
    [InlineData("not-an-id")]
    [InlineData("ABCDEF0123456789")]
    [InlineData("x' or true or 'a' eq 'a")]
    public async Task Malformed_ids_are_400_problems(string id)
    {
        await using var p = await TestPipeline.CreateAsync();
        var result = await p.Get<IngestionApi>().GetArticleAsync(id, default);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("application/problem+json", result.ContentType);
    }

    [Fact]
    public async Task Unknown_ids_and_names_are_404_problems()
    {
        await using var p = await TestPipeline.CreateAsync();
        Assert.Equal(404, (await p.Get<IngestionApi>().GetArticleAsync("0123456789abcdef", default)).StatusCode);
        Assert.Equal(404, (await p.Get<IngestionApi>().ListArticlesAsync(null, null, null, "never/dropped.txt", default)).StatusCode);
        Assert.Equal(404, (await p.Get<IngestionApi>().ReprocessAsync("0123456789abcdef", default)).StatusCode);
    }

    [Fact]
    public async Task Bad_page_sizes_and_continuations_are_400()
    {
        await using var p = await TestPipeline.CreateAsync();
        Assert.Equal(400, (await p.Get<IngestionApi>().ListArticlesAsync(null, null, "0", null, default)).StatusCode);
        Assert.Equal(400, (await p.Get<IngestionApi>().ListArticlesAsync(null, null, "lots", null, default)).StatusCode);
    }
}

public class ReprocessTests
{
    [Fact]
    public async Task Reprocess_cleans_the_dropped_blob_again_and_sends_it_to_extraction()
    {
        await using var p = await TestPipeline.CreateAsync();
        var name = TestPipeline.UniqueName();
        var id = Ingestion.Core.Input.ArticleIdentity.IdFromName(name);
        await p.DropAsync(name, await File.ReadAllBytesAsync(RepositoryPaths.Seed));
        await p.Get<Stages.CleanStage>().HandleAsync(name);
        var before = await p.Get<Results.ArticleRepository>().GetAsync(id);

        var result = await p.Get<IngestionApi>().ReprocessAsync(id, default);

        Assert.Equal(202, result.StatusCode);
        var after = await p.Get<Results.ArticleRepository>().GetAsync(id);
        Assert.Equal(Storage.ArticleStatus.Cleaned, after!.Status);
        Assert.True(after.CleanedAt > before!.CleanedAt, "the article was cleaned again");
        Assert.Equal(before.ContentHash, after.ContentHash);
    }
}
