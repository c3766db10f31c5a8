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

    /// <summary>How often a stage reads the row again and decides again before leaving it to its trigger's next delivery.</summary>
    public const int MaxDecisions = 5;

    /// <summary>
    /// Writes the whole row, only if it is still as it was read (its ETag; a row never read is created, only if there
    /// is none). Two stage runs can hold the same article at once (a blob overwritten while its older content is
    /// extracted, a redelivery, the reconciler): a write from a stale read would put the row back on what it read,
    /// older content included. On success the row carries its new ETag, so the same run can write it again.
    /// </summary>
    /// <exception cref="StatusRowChangedException">The row changed since it was read: read it again and decide again.</exception>
    public async Task SaveAsync(ArticleRow row, CancellationToken cancellationToken = default)
    {
        row.Title = TableKeys.Fit(row.Title);
        row.ErrorMessage = TableKeys.Fit(row.ErrorMessage);
        row.LastError = TableKeys.Fit(row.LastError);
        try
        {
            var response = row.ETag == default
                ? await storage.Articles.AddEntityAsync(row, cancellationToken)
                : await storage.Articles.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? throw new InvalidOperationException("the table service returned no ETag");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new StatusRowChangedException(row.PartitionKey, e);
        }
    }

    /// <summary>
    /// Reads the article's row (null when it has none) and runs <paramref name="decide"/> on it; if a write of the
    /// decision finds the row changed, reads it again and decides again (told so by its second argument), up to
    /// <see cref="MaxDecisions"/> times, then lets the conflict go to the trigger, whose next delivery starts afresh.
    /// </summary>
    public async Task<T> DecideAsync<T>(string id, Func<ArticleRow?, bool, Task<T>> decide, CancellationToken cancellationToken = default)
    {
        for (var decision = 1; ; decision++)
        {
            var row = await GetAsync(id, cancellationToken);
            try
            {
                return await decide(row, decision > 1);
            }
            catch (StatusRowChangedException) when (decision < MaxDecisions)
            {
            }
        }
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
        // A changed row: another run wrote it since, and what it wrote is newer than this note.
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException or StatusRowChangedException)
        {
        }
    }

    /// <summary>Marks an article that has no status row failed (creating the row), or the row as read failed.</summary>
    public Task MarkFailedAsync(ArticleRow? row, string id, string name, string stage, string kind, string message, CancellationToken cancellationToken = default) =>
        FailAsync(row ?? new ArticleRow { PartitionKey = id, Name = name, ReceivedAt = DateTimeOffset.UtcNow }, stage, kind, message, cancellationToken);

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
