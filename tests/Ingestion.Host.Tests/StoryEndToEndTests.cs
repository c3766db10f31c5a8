using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Host.Testing;
using Ingestion.Testing;

namespace Ingestion.Host.Tests;

/// <summary>
/// The end-to-end measure, through the standalone host's real triggers on Azurite: drop a page, its text dump,
/// and then an updated version of the dump; the API shows one story of two copies and, for the overwritten blob, two
/// versions with what changed.
/// </summary>
public sealed class StoryEndToEndTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.SharedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> ArticleAsync(string id) => await _host.Api.GetFromJsonAsync<JsonElement>("articles/" + id);

    [Fact]
    public async Task A_page_its_text_dump_and_an_updated_dump_are_one_story_of_two_copies_and_the_dump_has_two_versions()
    {
        var (pageId, dumpId, story, update) = await StoryScenario.RunAsync(_host, $"e2e-story/{Guid.NewGuid():N}", seed: 16);
        var dump = await ArticleAsync(dumpId);

        var page = await ArticleAsync(pageId);
        Assert.Equal("extracted", dump.GetProperty("status").GetString());
        Assert.Equal(update.Title, dump.GetProperty("title").GetString());
        Assert.Equal(page.GetProperty("story").GetString(), dump.GetProperty("story").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("duplicateOf").ValueKind);
        Assert.Equal(pageId, dump.GetProperty("duplicateOf").GetString());
        Assert.InRange(dump.GetProperty("similarity").GetDouble(), 0.4, 0.99);
        // One story, two copies: each names the other and nothing else.
        Assert.Equal([dumpId], page.GetProperty("copies").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var first = Assert.Single(dump.GetProperty("copies").EnumerateArray());
        Assert.Equal(pageId, first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("first").GetBoolean());

        var history = await _host.Api.GetFromJsonAsync<JsonElement>($"articles/{dumpId}/versions");
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal([false, true], versions.Select(v => v.GetProperty("current").GetBoolean()));
        Assert.Equal(story.Title, versions[0].GetProperty("title").GetString());
        var changes = versions[1].GetProperty("changes");
        Assert.True(changes.GetProperty("titleChanged").GetBoolean());
        Assert.Equal(1, changes.GetProperty("paragraphsAdded").GetArrayLength());
        Assert.Equal(0, changes.GetProperty("paragraphsRemoved").GetArrayLength());
        Assert.True(versions[1].GetProperty("receivedAt").GetDateTimeOffset() > versions[0].GetProperty("receivedAt").GetDateTimeOffset());
        var copyOf = history.GetProperty("copyOf");
        Assert.Equal(pageId, copyOf.GetProperty("id").GetString());
        Assert.Equal(1, copyOf.GetProperty("changes").GetProperty("paragraphsAdded").GetArrayLength());
        var pageHistory = await _host.Api.GetFromJsonAsync<JsonElement>($"articles/{pageId}/versions");
        Assert.Single(pageHistory.GetProperty("versions").EnumerateArray());
    }
}
