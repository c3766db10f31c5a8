using System.Text.Json;
using Azure.Storage.Queues.Models;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Api;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Ingestion.Testing;
using Ingestion.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Ingestion.Functions.Tests;

/// <summary>
/// Each Functions class from the app's own composition root (<see cref="FunctionsApp"/>), called directly over
/// Azurite; no Functions host needed.
/// </summary>
public class FunctionClassTests
{
    private static FunctionsApp AppOver(TestPipeline p) =>
        FunctionsApp.Build(new Dictionary<string, string?> { [StorageNames.Connection] = p.ConnectionString });

    private static async Task<(int Status, JsonElement Body)> ExecuteAsync(IActionResult result)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var doc = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, doc.RootElement.Clone());
    }

    private static HttpRequest Request(string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public async Task Clean_then_extract_functions_take_the_seed_to_extracted_and_the_api_shows_it()
    {
        await using var p = await TestPipeline.CreateAsync();
        using var app = AppOver(p);
        var name = TestPipeline.UniqueName();
        var id = ArticleIdentity.IdFromName(name);
        await p.DropAsync(name, await File.ReadAllBytesAsync(RepositoryPaths.Seed));

        var blob = p.Storage.Drop.GetBlobClient(name);
        Assert.Equal(StageOutcome.Done, await app.Create<CleanArticleFunction>().Run(blob, name, default));

        var queued = await p.TakePointerAsync(id);
        Assert.Equal(StageOutcome.Done, await app.Create<ExtractArticleFunction>().Run(queued, default));

        var api = app.Create<ApiFunctions>();
        var (status, body) = await ExecuteAsync(await api.GetArticle(Request(), id));
        Assert.Equal(200, status);
        Assert.Equal("extracted", body.GetProperty("status").GetString());
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("Russia and China criticize NATO after Putin and Xi's talks", body.GetProperty("title").GetString());
        Assert.True(body.GetProperty("quotes").GetArrayLength() > 0);

        var (byNameStatus, byName) = await ExecuteAsync(await api.ListArticles(Request("?name=" + Uri.EscapeDataString(name))));
        Assert.Equal(200, byNameStatus);
        Assert.Equal(id, byName.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Poison_functions_mark_the_article_failed()
    {
        await using var p = await TestPipeline.CreateAsync();
        using var app = AppOver(p);
        var name = TestPipeline.UniqueName();
        var message = new ExtractMessage(ArticleIdentity.IdFromName(name), name, "hash", "missing.json", null).ToJson();
        var queued = QueuesModelFactory.QueueMessage("1", "pop", message, dequeueCount: 5);

        await app.Create<PoisonFunctions>().ExtractArticlePoison(queued, default);

        var view = await p.Get<ArticleQueries>().GetAsync(ArticleIdentity.IdFromName(name));
        Assert.Equal(ArticleStatus.Failed, view!.Status);
        Assert.Equal("Poisoned", view.Error!.Kind);
    }

    [Fact]
    public async Task Http_functions_answer_problems_for_bad_input_and_health_for_probes()
    {
        await using var p = await TestPipeline.CreateAsync();
        using var app = AppOver(p);
        var api = app.Create<ApiFunctions>();

        var (status, problem) = await ExecuteAsync(await api.GetArticle(Request(), "../../etc"));
        Assert.Equal(400, status);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());

        (status, problem) = await ExecuteAsync(await api.ListArticles(Request("?status=" + Uri.EscapeDataString("x' or true or 'a' eq 'a"))));
        Assert.Equal(400, status);

        var (healthStatus, health) = await ExecuteAsync(await api.Health(Request()));
        Assert.Equal(200, healthStatus);
        Assert.True(health.GetProperty("storage").GetProperty("table").GetProperty("reachable").GetBoolean());

        var (entityStatus, entity) = await ExecuteAsync(await api.EntityArticles(Request(), "Nobody " + Guid.NewGuid()));
        Assert.Equal(200, entityStatus);
        Assert.Equal(0, entity.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task Cross_article_functions_answer_from_the_indexes_and_refuse_bad_input()
    {
        await using var p = await TestPipeline.CreateAsync();
        var speaker = $"Function Speaker {Guid.NewGuid():N}";
        var row = new ArticleRow { PartitionKey = Guid.NewGuid().ToString("N")[..16], Name = TestPipeline.UniqueName(), Published = "2024-02-02" };
        await p.Get<ResultsStore>().ReplaceAsync(row, new Core.Model.ArticleAnalysis(
            [new Core.Model.Entity(speaker, Core.Model.EntityType.Person, [], 1, null)],
            [new Core.Model.Quote("function words", speaker, "said", Core.Model.QuoteAttribution.Explicit)]));
        using var app = AppOver(p);
        var api = app.Create<ApiFunctions>();

        var (status, timeline) = await ExecuteAsync(await api.SpeakerQuotes(Request("?from=2024-01-01&attribution=explicit"), speaker.ToLowerInvariant()));
        Assert.Equal(200, status);
        Assert.Equal("function words", timeline.GetProperty("items")[0].GetProperty("text").GetString());
        (status, _) = await ExecuteAsync(await api.SpeakerQuotes(Request("?from=tomorrow"), speaker));
        Assert.Equal(400, status);
        Assert.True(await app.Create<RankEntitiesFunction>().Run(null!, default) >= 1, "the new entity was marked for a recount");
        var (topStatus, top) = await ExecuteAsync(await api.TopEntities(Request("?type=person&top=500")));
        Assert.Equal(200, topStatus);
        Assert.Contains(top.GetProperty("items").EnumerateArray(), e => e.GetProperty("entity").GetString() == speaker);
        (topStatus, _) = await ExecuteAsync(await api.TopEntities(Request("?top=100000")));
        Assert.Equal(400, topStatus);
        var (textStatus, _) = await ExecuteAsync(await api.GetArticleText(Request(), "0123456789abcdef"));
        Assert.Equal(404, textStatus);
        var (versionsStatus, _) = await ExecuteAsync(await api.GetArticleVersions(Request(), "0123456789abcdef"));
        Assert.Equal(404, versionsStatus);
        (versionsStatus, _) = await ExecuteAsync(await api.GetArticleVersions(Request(), "not-an-id"));
        Assert.Equal(400, versionsStatus);
    }

    [Fact]
    public async Task The_dashboard_function_serves_the_embedded_files_with_their_security_headers()
    {
        var function = new DashboardFunction();
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/dashboard/";
        context.Response.Body = new MemoryStream();
        var index = function.Run(context.Request, "");
        await index.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        var html = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("<script src=\"app.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", context.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("text/html", Assert.IsType<DashboardFileResult>(index).ContentType);

        var bare = new DefaultHttpContext();
        bare.Request.Path = "/api/dashboard";
        Assert.Equal("/api/dashboard/", Assert.IsType<RedirectResult>(function.Run(bare.Request, null)).Url);
        Assert.IsType<NotFoundResult>(function.Run(context.Request, "../appsettings.json"));
        Assert.IsType<NotFoundResult>(function.Run(context.Request, "missing.js"));
    }
}
