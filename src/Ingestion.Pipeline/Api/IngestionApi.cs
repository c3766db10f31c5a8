using System.Reflection;
using Azure;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Microsoft.AspNetCore.Http;

namespace Ingestion.Pipeline.Api;

/// <summary>Every HTTP route's logic. Inputs are untrusted: ids are validated, filters built with CreateQueryFilter.</summary>
public sealed class IngestionApi(PipelineStorage storage, ArticleQueries queries, CleanStage clean)
{
    public static string Version { get; } =
        typeof(IngestionApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary><c>GET /api/health</c>: each storage service reachable, queue depths and poison counts, version.</summary>
    public async Task<ApiResult> HealthAsync(CancellationToken cancellationToken)
    {
        var blob = await ProbeAsync(async () => { await storage.Drop.ExistsAsync(cancellationToken); }, cancellationToken);
        var table = await ProbeAsync(async () => { await storage.Articles.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken).MoveNextAsync(); }, cancellationToken);
        var queues = new Dictionary<string, int?>();
        string? queueError = null;
        foreach (var name in StorageNames.Queues)
        {
            try
            {
                var props = await storage.Queues.GetQueueClient(name).GetPropertiesAsync(cancellationToken);
                queues[name] = props.Value.ApproximateMessagesCount;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
            {
                queues[name] = null;
                queueError ??= Short(e);
            }
        }
        var healthy = blob is null && table is null && queueError is null;
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            version = Version,
            storage = new
            {
                blob = new { reachable = blob is null, error = blob },
                queue = new { reachable = queueError is null, error = queueError },
                table = new { reachable = table is null, error = table },
            },
            queues = new
            {
                extract = queues.GetValueOrDefault(StorageNames.ExtractQueue),
                extractPoison = queues.GetValueOrDefault(StorageNames.ExtractPoisonQueue),
                blobTriggerPoison = queues.GetValueOrDefault(StorageNames.BlobTriggerPoisonQueue),
            },
        };
        return new ApiResult(healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
    }

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

    private static async Task<string?> ProbeAsync(Func<Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await probe().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or TimeoutException or AggregateException)
        {
            return Short(e);
        }
    }

    private static string Short(Exception e) => e is RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : e.GetType().Name + ": " + e.Message.Split('\n')[0];
}
