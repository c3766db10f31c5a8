using Azure;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Stories;

namespace Ingestion.Pipeline.Results;

/// <summary>Reads and writes the status row of one article in the <c>Articles</c> table.</summary>
public sealed class ArticleRepository(PipelineStorage storage, ResultsStore results, StoryStore stories)
{
    public async Task<ArticleRow?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await storage.Articles.GetEntityIfExistsAsync<ArticleRow>(id, ArticleRow.RowKeyValue, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Writes the whole row. Last writer wins: every writer is a stage acting on the same content hash, and a
    /// replayed stage writes the same values, so no ETag check is needed.
    /// </summary>
    public async Task SaveAsync(ArticleRow row, CancellationToken cancellationToken = default)
    {
        row.Title = TableKeys.Fit(row.Title);
        row.ErrorMessage = TableKeys.Fit(row.ErrorMessage);
        row.LastError = TableKeys.Fit(row.LastError);
        row.ETag = ETag.All;
        await storage.Articles.UpsertEntityAsync(row, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Notes a transient error on the stored row (read afresh: the caller's copy may already say 'cleaned' or
    /// 'extracted' for writes that did not happen), so a poisoned message can say why. Best effort: storage may be
    /// the thing that is failing.
    /// </summary>
    public async Task RecordTransientErrorAsync(string id, string? contentHash, Exception error, long attempt, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await GetAsync(id, cancellationToken);
            if (row is null || row.ContentHash != contentHash || row.Status is ArticleStatus.Extracted or ArticleStatus.Failed) return;
            row.LastError = $"{error.GetType().Name}: {error.Message}";
            row.Attempts = (int)Math.Max(row.Attempts, attempt);
            await SaveAsync(row, cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
        }
    }

    /// <summary>Marks an article failed, keeping what is known about it. Creates the row if it never got one.</summary>
    public async Task MarkFailedAsync(string id, string name, string stage, string kind, string message, CancellationToken cancellationToken = default)
    {
        var row = await GetAsync(id, cancellationToken) ?? new ArticleRow { PartitionKey = id, Name = name, ReceivedAt = DateTimeOffset.UtcNow };
        await FailAsync(row, stage, kind, message, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="row"/> as failed. Results an earlier analysis left (of content since overwritten, or
    /// that now fails) are removed first, and the article leaves its story, so cross-article queries never count a
    /// failed article. Its versions stay.
    /// </summary>
    public async Task FailAsync(ArticleRow row, string stage, string kind, string message, CancellationToken cancellationToken = default)
    {
        if (row.EntityCount > 0 || row.QuoteCount > 0)
        {
            await results.ClearAsync(row, cancellationToken);
            row.EntityCount = row.QuoteCount = 0;
        }
        await stories.LeaveAsync(row, cancellationToken);
        row.Status = ArticleStatus.Failed;
        row.ErrorStage = stage;
        row.ErrorKind = kind;
        row.ErrorMessage = message;
        row.FailedAt = DateTimeOffset.UtcNow;
        await SaveAsync(row, cancellationToken);
    }
}
