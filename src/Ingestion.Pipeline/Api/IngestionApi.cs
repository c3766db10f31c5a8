using System.Reflection;
using Azure;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Health;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.Pipeline.Api;

/// <summary>Every HTTP route's logic. Inputs are untrusted: ids are validated, filters built with CreateQueryFilter.</summary>
public sealed class IngestionApi(HealthCheckService health, ArticleQueries queries, CleanStage clean)
{
    public static string Version { get; } =
        typeof(IngestionApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary><c>GET /api/health</c> (readiness): each storage service reachable, queue depths and poison counts, version.</summary>
    public async Task<ApiResult> HealthAsync(CancellationToken cancellationToken) =>
        HealthAnswer.Readiness(await health.CheckHealthAsync(r => r.Tags.Contains(StorageHealthChecks.Ready), cancellationToken), Version);

    /// <summary><c>GET /api/health/live</c> (liveness): the process answers; no storage call.</summary>
    public async Task<ApiResult> LivenessAsync(CancellationToken cancellationToken) =>
        HealthAnswer.Liveness(await health.CheckHealthAsync(r => r.Tags.Contains(StorageHealthChecks.Live), cancellationToken), Version);

    /// <summary><c>GET /api/articles/{id}</c>.</summary>
    public async Task<ApiResult> GetArticleAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleIdentity.IsValidId(id))
            return ApiResult.Problem(400, "Malformed article id", "An article id is 16 lowercase hex characters; to look up by the dropped blob name use /api/articles?name=…");
        var view = await queries.GetAsync(id, cancellationToken);
        return view is null ? ApiResult.Problem(404, "Unknown article", $"No article has the id '{id}'.") : ApiResult.Ok(view);
    }

    /// <summary>
    /// <c>GET /api/articles?status=&amp;continuation=&amp;pageSize=</c> (a page of summaries, in id order), or
    /// <c>GET /api/articles?name=folder/file.txt</c> (one article by the blob name it was dropped under).
    /// </summary>
    public async Task<ApiResult> ListArticlesAsync(string? status, string? continuation, string? pageSize, string? name, CancellationToken cancellationToken)
    {
        if (name is not null)
        {
            if (name.Length is 0 or > 1024)
                return ApiResult.Problem(400, "Malformed blob name", "A blob name is 1 to 1024 characters.");
            var view = await queries.GetAsync(ArticleIdentity.IdFromName(name), cancellationToken);
            return view is null ? ApiResult.Problem(404, "Unknown article", $"Nothing was dropped as '{name}'.") : ApiResult.Ok(view);
        }
        if (status is not null && !ArticleStatus.IsValid(status))
            return ApiResult.Problem(400, "Unknown status", $"status must be one of: {string.Join(", ", ArticleStatus.All)}.");
        var size = ArticleQueries.DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size is < 1 or > ArticleQueries.MaxPageSize))
            return ApiResult.Problem(400, "Bad page size", $"pageSize must be a number from 1 to {ArticleQueries.MaxPageSize}.");
        try
        {
            return ApiResult.Ok(await queries.ListAsync(status, continuation, size, cancellationToken));
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return ApiResult.Problem(400, "Bad continuation token", "Pass back the continuation value of the previous page unchanged.");
        }
    }

    /// <summary><c>GET /api/entities/{name}/articles</c>.</summary>
    public async Task<ApiResult> EntityArticlesAsync(string name, string? continuation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
            return ApiResult.Problem(400, "Malformed entity name", "An entity name is 1 to 256 characters.");
        try
        {
            return ApiResult.Ok(await queries.EntityArticlesAsync(name, continuation, cancellationToken: cancellationToken));
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return ApiResult.Problem(400, "Bad continuation token", "Pass back the continuation value of the previous page unchanged.");
        }
    }

    /// <summary><c>POST /api/articles/{id}/reprocess</c>: cleans the dropped blob again; extraction follows via the queue.</summary>
    public async Task<ApiResult> ReprocessAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleIdentity.IsValidId(id))
            return ApiResult.Problem(400, "Malformed article id", "An article id is 16 lowercase hex characters.");
        var view = await queries.GetAsync(id, cancellationToken);
        if (view is null)
            return ApiResult.Problem(404, "Unknown article", $"No article has the id '{id}'.");
        var outcome = await clean.HandleAsync(view.Name, force: true, cancellationToken);
        var after = await queries.GetAsync(id, cancellationToken);
        return ApiResult.Accepted(new { id, name = view.Name, outcome = outcome.ToString().ToLowerInvariant(), status = after?.Status });
    }
}
