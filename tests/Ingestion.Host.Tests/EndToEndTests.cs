using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Storage;
using Ingestion.Host.Testing;
using Ingestion.Testing;

namespace Ingestion.Host.Tests;

/// <summary>
/// The whole pipeline through the standalone host: real WebJobs blob and queue triggers against Azurite, the
/// HTTP API on a loopback port. Drop the seed, wait, ask the API.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private RunningHost _host = null!;
    private HttpClient _http = null!;
    private PipelineStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.SharedAsync();
        Assert.StartsWith("http://127.0.0.1:", _host.BaseUrl, StringComparison.Ordinal);
        _http = _host.Api;
        _storage = _host.Storage;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<JsonElement> WaitForStatusAsync(string id, params string[] statuses) => _host.WaitForStatusAsync(id, statuses);

    [Fact]
    public async Task Dropped_seed_flows_to_extracted_and_the_api_reports_its_results()
    {
        var name = $"e2e/{Guid.NewGuid():N}/000_4cf934df87468c23.txt";
        var id = ArticleIdentity.IdFromName(name);
        await _storage.Drop.GetBlobClient(name).UploadAsync(RepositoryPaths.Seed);

        var article = await WaitForStatusAsync(id, "extracted", "failed");

        Assert.Equal("extracted", article.GetProperty("status").GetString());
        Assert.Equal(name, article.GetProperty("name").GetString());
        Assert.Equal("Russia and China criticize NATO after Putin and Xi's talks", article.GetProperty("title").GetString());
        Assert.Equal("2022-02-04", article.GetProperty("published").GetString());
        var entities = article.GetProperty("entities").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("type").GetString());
        Assert.Equal("person", entities["Vladimir Putin"]);
        Assert.Equal("person", entities["Xi Jinping"]);
        Assert.Equal("organization", entities["NATO"]);
        Assert.Equal("person", entities["Olaf Scholz"]);
        Assert.DoesNotContain("Putin", entities.Keys); // one entity per real-world thing
        var quotes = article.GetProperty("quotes").EnumerateArray()
            .Select(q => (Text: q.GetProperty("text").GetString()!, Speaker: q.GetProperty("speaker").GetString())).ToList();
        Assert.Contains(quotes, q => q.Text.Contains("developing progressively along the path of friendship", StringComparison.Ordinal) && q.Speaker == "Vladimir Putin");

        // Who said what: one partition query on the entity index, by any spelling of the name. The seed's story is listed
        // once, under its first copy (an earlier test's drop of the seed, if there was one), naming the others.
        var putin = await _http.GetFromJsonAsync<JsonElement>("entities/" + Uri.EscapeDataString("vladimir PUTIN") + "/articles");
        var first = article.GetProperty("duplicateOf").GetString() ?? id;
        var mention = putin.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("id").GetString() == first);
        Assert.True(mention.GetProperty("quotes").GetArrayLength() >= 5);
        if (first != id)
            Assert.Contains(mention.GetProperty("copies").EnumerateArray(), c => c.GetProperty("id").GetString() == id);

        // Lookup by the dropped name and listing agree with lookup by id.
        var byName = await _http.GetFromJsonAsync<JsonElement>("articles?name=" + Uri.EscapeDataString(name));
        Assert.Equal(id, byName.GetProperty("id").GetString());
        var list = await _http.GetFromJsonAsync<JsonElement>("articles?status=extracted&pageSize=1000");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);

        var health = await _http.GetFromJsonAsync<JsonElement>("health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_binary_drop_ends_failed_with_a_reason_and_unknown_ids_are_404()
    {
        var name = $"e2e/{Guid.NewGuid():N}/picture.png";
        var id = ArticleIdentity.IdFromName(name);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        await _storage.Drop.GetBlobClient(name).UploadAsync(new BinaryData(png));

        var article = await WaitForStatusAsync(id, "extracted", "failed");
        Assert.Equal("failed", article.GetProperty("status").GetString());
        Assert.Equal("Binary", article.GetProperty("error").GetProperty("kind").GetString());

        using var missing = await _http.GetAsync("articles/0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }
}
