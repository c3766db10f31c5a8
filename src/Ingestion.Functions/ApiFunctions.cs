using Ingestion.Pipeline.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ingestion.Functions;

/// <summary>The HTTP API. The two health probes are anonymous; everything else needs a function key on Azure.</summary>
public sealed class ApiFunctions(IngestionApi api)
{
    [Function("Health")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        new ApiActionResult(await api.HealthAsync(request.HttpContext.RequestAborted));

    [Function("Liveness")]
    public async Task<IActionResult> Liveness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Liveness)] HttpRequest request) =>
        new ApiActionResult(await api.LivenessAsync(request.HttpContext.RequestAborted));

    [Function("ListArticles")]
    public async Task<IActionResult> ListArticles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Articles)] HttpRequest request) =>
        new ApiActionResult(await api.ListArticlesAsync(
            request.Query["status"], request.Query["continuation"], request.Query["pageSize"], request.Query["name"], request.HttpContext.RequestAborted));

    [Function("GetArticle")]
    public async Task<IActionResult> GetArticle(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Article)] HttpRequest request, string id) =>
        new ApiActionResult(await api.GetArticleAsync(id, request.HttpContext.RequestAborted));

    [Function("ReprocessArticle")]
    public async Task<IActionResult> ReprocessArticle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Reprocess)] HttpRequest request, string id) =>
        new ApiActionResult(await api.ReprocessAsync(id, request.HttpContext.RequestAborted));

    [Function("GetArticleText")]
    public async Task<IActionResult> GetArticleText(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ArticleText)] HttpRequest request, string id) =>
        new ApiActionResult(await api.ArticleTextAsync(id, request.HttpContext.RequestAborted));

    [Function("GetArticleVersions")]
    public async Task<IActionResult> GetArticleVersions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ArticleVersions)] HttpRequest request, string id) =>
        new ApiActionResult(await api.ArticleVersionsAsync(id, request.HttpContext.RequestAborted));

    [Function("TopEntities")]
    public async Task<IActionResult> TopEntities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Entities)] HttpRequest request) =>
        new ApiActionResult(await api.TopEntitiesAsync(request.Query["type"], request.Query["top"], request.HttpContext.RequestAborted));

    [Function("SpeakerQuotes")]
    public async Task<IActionResult> SpeakerQuotes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.SpeakerQuotes)] HttpRequest request, string name) =>
        new ApiActionResult(await api.SpeakerQuotesAsync(name, request.Query["from"], request.Query["to"], request.Query["attribution"], request.Query["q"],
            request.Query["pageSize"], request.Query["continuation"], request.HttpContext.RequestAborted));

    [Function("EntityArticles")]
    public async Task<IActionResult> EntityArticles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.EntityArticles)] HttpRequest request, string name) =>
        new ApiActionResult(await api.EntityArticlesAsync(name, request.Query["continuation"], request.HttpContext.RequestAborted));
}

/// <summary>Writes an <see cref="ApiResult"/> exactly as the standalone host does (same JSON, same problem details).</summary>
public sealed class ApiActionResult(ApiResult result) : IActionResult
{
    public ApiResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.WriteAsync(context.HttpContext.Response, context.HttpContext.RequestAborted);
}
