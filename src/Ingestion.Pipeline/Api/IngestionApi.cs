using System.Reflection;
using Azure;
using System.Globalization;
using System.Text.Json;
using Ingestion.Core.Input;
using Ingestion.Core.Json;
using Ingestion.Core.Model;
using Ingestion.Pipeline.Health;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Stages;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.Pipeline.Api;

/// <summary>Every HTTP route's logic. Inputs are untrusted: ids are validated, filters built with CreateQueryFilter.</summary>
public sealed class IngestionApi(PipelineStorage storage, HealthCheckService health, ArticleQueries queries, CrossArticleQueries crossArticle, CleanStage clean)
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

    /// <summary><c>GET /api/articles/{id}/text</c>: the clean article (title, lead, body blocks, captions) as the clean stage stored it.</summary>
    public async Task<ApiResult> ArticleTextAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleIdentity.IsValidId(id))
            return ApiResult.Problem(400, "Malformed article id", "An article id is 16 lowercase hex characters.");
        try
        {
            var content = await storage.Clean.GetBlobClient(StorageNames.CleanBlobName(id)).DownloadContentAsync(cancellationToken);
            var article = JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, IngestionJsonContext.Default.CleanArticle);
            return article is null ? ApiResult.Problem(404, "No clean text", $"The clean article of '{id}' is empty.") : ApiResult.Ok(article);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ApiResult.Problem(404, "No clean text", $"Article '{id}' has no clean text: it is unknown, or was never cleaned (see its status).");
        }
    }

    /// <summary><c>GET /api/articles/{id}/versions</c>: every content the article was analysed with, and what changed; for a copy, its differences from the story's first copy.</summary>
    public async Task<ApiResult> ArticleVersionsAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleIdentity.IsValidId(id))
            return ApiResult.Problem(400, "Malformed article id", "An article id is 16 lowercase hex characters.");
        var history = await queries.HistoryAsync(id, cancellationToken);
        return history is null ? ApiResult.Problem(404, "Unknown article", $"No article has the id '{id}'.") : ApiResult.Ok(history);
    }

    /// <summary><c>GET /api/entities?type=person&amp;top=50</c>: entities ranked by the number of articles they appear in, copies of a story counted once.</summary>
    public async Task<ApiResult> TopEntitiesAsync(string? type, string? top, CancellationToken cancellationToken)
    {
        if (!TryName<EntityType>(type, out var only))
            return ApiResult.Problem(400, "Unknown entity type", $"type must be one of: {Names<EntityType>()}.");
        var count = 50;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > CrossArticleQueries.MaxTop))
            return ApiResult.Problem(400, "Bad top", $"top must be a number from 1 to {CrossArticleQueries.MaxTop}.");
        return ApiResult.Ok(await crossArticle.TopEntitiesAsync(only, count, cancellationToken));
    }

    /// <summary>
    /// <c>GET /api/speakers/{name}/quotes?from=&amp;to=&amp;attribution=&amp;q=&amp;pageSize=&amp;continuation=</c>:
    /// a speaker's quotes, newest first, with the article each is from.
    /// </summary>
    public async Task<ApiResult> SpeakerQuotesAsync(
        string name, string? from, string? to, string? attribution, string? q, string? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
            return ApiResult.Problem(400, "Malformed speaker name", "A speaker name is 1 to 256 characters.");
        if (!TryDate(from, out var earliest) || !TryDate(to, out var latest))
            return ApiResult.Problem(400, "Malformed date", "from and to are dates as yyyy-MM-dd (years 1000 to 9998).");
        if (earliest > latest)
            return ApiResult.Problem(400, "Empty date range", "from must not be later than to.");
        if (!TryName<QuoteAttribution>(attribution, out var how))
            return ApiResult.Problem(400, "Unknown attribution", $"attribution must be one of: {Names<QuoteAttribution>()}.");
        if (q is not null && q.Trim().Length is < 2 or > 100)
            return ApiResult.Problem(400, "Bad search word", "q is 2 to 100 characters.");
        var size = CrossArticleQueries.DefaultTimelinePageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > ArticleQueries.MaxPageSize))
            return ApiResult.Problem(400, "Bad page size", $"pageSize must be a number from 1 to {ArticleQueries.MaxPageSize}.");
        try
        {
            return ApiResult.Ok(await crossArticle.SpeakerQuotesAsync(name, earliest, latest, how, q?.Trim(), continuation, size, cancellationToken));
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return ApiResult.Problem(400, "Bad continuation token", "Pass back the continuation value of the previous page unchanged.");
        }
    }

    /// <summary>An enum value by its lowercase name (never by number); absent is fine.</summary>
    private static bool TryName<T>(string? value, out T? parsed) where T : struct, Enum
    {
        parsed = null;
        if (value is null) return true;
        if (!Enum.GetNames<T>().Any(n => n.Equals(value, StringComparison.OrdinalIgnoreCase))) return false;
        parsed = Enum.Parse<T>(value, ignoreCase: true);
        return true;
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (value is null) return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year is < 1000 or > 9998)
            return false;
        date = parsed;
        return true;
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
        return ApiResult.Accepted(new ReprocessResult(id, view.Name, outcome.ToString().ToLowerInvariant(), after?.Status));
    }
}
