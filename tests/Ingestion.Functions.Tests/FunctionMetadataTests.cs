using System.Text.Json;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;

namespace Ingestion.Functions.Tests;

/// <summary>The built functions.metadata is what the Functions host reads: check it names what the pipeline expects.</summary>
public class FunctionMetadataTests
{
    private static readonly Dictionary<string, JsonElement> Functions = Load();

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(RepositoryPaths.OutputOf("Ingestion.Functions"), "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    private static JsonElement Trigger(string function) =>
        Functions[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Clean_is_an_event_grid_blob_trigger_on_the_drop_container()
    {
        var trigger = Trigger("CleanArticle");
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(StorageNames.DropBlobPath, trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal(StorageNames.Connection, trigger.GetProperty("connection").GetString());
    }

    [Theory]
    [InlineData("ExtractArticle", StorageNames.ExtractQueue)]
    [InlineData("ExtractArticlePoison", StorageNames.ExtractPoisonQueue)]
    [InlineData("BlobTriggerPoison", StorageNames.BlobTriggerPoisonQueue)]
    public void Queue_functions_listen_on_the_pipeline_queues(string function, string queue)
    {
        var trigger = Trigger(function);
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(StorageNames.Connection, trigger.GetProperty("connection").GetString());
    }

    [Theory]
    [InlineData("Health", ApiRoutes.Health, "Anonymous")]
    [InlineData("Liveness", ApiRoutes.Liveness, "Anonymous")]
    [InlineData("ListArticles", ApiRoutes.Articles, "Function")]
    [InlineData("GetArticle", ApiRoutes.Article, "Function")]
    [InlineData("ReprocessArticle", ApiRoutes.Reprocess, "Function")]
    [InlineData("EntityArticles", ApiRoutes.EntityArticles, "Function")]
    [InlineData("GetArticleText", ApiRoutes.ArticleText, "Function")]
    [InlineData("GetArticleVersions", ApiRoutes.ArticleVersions, "Function")]
    [InlineData("TopEntities", ApiRoutes.Entities, "Function")]
    [InlineData("SpeakerQuotes", ApiRoutes.SpeakerQuotes, "Function")]
    [InlineData("Dashboard", DashboardFunction.Route, "Anonymous")]
    public void Http_functions_serve_the_shared_routes(string function, string route, string authLevel)
    {
        var trigger = Trigger(function);
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Every_function_is_accounted_for()
    {
        Assert.Equal(
            ["BlobTriggerPoison", "CleanArticle", "Dashboard", "EntityArticles", "ExtractArticle", "ExtractArticlePoison", "GetArticle", "GetArticleText", "GetArticleVersions", "Health",
             "ListArticles", "Liveness", "RankEntities", "ReconcileArticles", "ReprocessArticle", "SpeakerQuotes", "TopEntities"],
            Functions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Host_json_is_linked_into_the_output_with_the_queue_settings()
    {
        var hostJson = Path.Combine(RepositoryPaths.OutputOf("Ingestion.Functions"), "host.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(hostJson));
        var queues = doc.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("2.0", doc.RootElement.GetProperty("version").GetString());
    }
}
