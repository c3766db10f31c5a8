using System.Diagnostics;
using System.Text.Json;
using Ingestion.Core.Extraction;
using Ingestion.Core.Json;
using Ingestion.Core.Model;
using Ingestion.Core.Stories;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Ingestion.Pipeline.Stories;
using Ingestion.Pipeline.Versions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Pipeline.Stages;

/// <summary>
/// The queue stage: a clean article → its story, a kept version, entity, quote and index rows, and the status row
/// marked extracted. Idempotent: rows are keyed by article (and version) and replaced as a set, the story chosen for a
/// content is kept for it, and a message about overwritten content is dropped.
/// </summary>
public sealed class ExtractStage(
    PipelineStorage storage,
    ArticleRepository articles,
    ResultsStore results,
    StoryStore stories,
    VersionStore versions,
    IArticleAnalyzer analyzer,
    StorageWriteResilience resilience,
    IOptions<PipelineOptions> options,
    ILogger<ExtractStage> logger)
{
    /// <summary>Handles one message body as the queue delivered it (already Base64-decoded by the trigger).</summary>
    public async Task<StageOutcome> HandleAsync(string messageBody, long dequeueCount = 1, CancellationToken cancellationToken = default)
    {
        var message = ExtractMessage.TryParse(messageBody);
        if (message is null)
        {
            // Not ours or corrupt: retrying cannot fix it. There is no article to mark, so log it loudly and drop it.
            logger.LogError("Dropping a malformed extract message ({Length} chars): {Preview}", messageBody.Length, messageBody.Length > 200 ? messageBody[..200] : messageBody);
            return StageOutcome.Rejected;
        }
        return await HandleAsync(message, dequeueCount, cancellationToken);
    }

    public async Task<StageOutcome> HandleAsync(ExtractMessage message, long dequeueCount = 1, CancellationToken cancellationToken = default)
    {
        using var activity = PipelineTelemetry.StartStage("extract", message.Id, message.CorrelationId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ArticleId"] = message.Id, ["CorrelationId"] = message.CorrelationId ?? "" });
        var run = new Run(message, dequeueCount);
        return await articles.DecideAsync(message.Id, (row, _) => DecideAsync(row, run, cancellationToken), cancellationToken);
    }

    /// <summary>What one delivery has written so far, across its decisions (a write that finds the row changed decides again).</summary>
    private sealed class Run(ExtractMessage message, long dequeueCount)
    {
        public ExtractMessage Message { get; } = message;
        public long DequeueCount { get; } = dequeueCount;
        /// <summary>It has written rows for its content (results, story, version, or their removal).</summary>
        public bool Wrote { get; set; }
        /// <summary>The story it wrote the article's copy row in, if any.</summary>
        public string? CopyIn { get; set; }
    }

    private async Task<StageOutcome> DecideAsync(ArticleRow? row, Run run, CancellationToken cancellationToken)
    {
        var message = run.Message;
        if (row is null)
        {
            await articles.MarkFailedAsync(null, message.Id, message.Name, PipelineStage.Extract, "StatusRowMissing", "the article's status row was missing when extraction started", cancellationToken);
            return StageOutcome.Rejected;
        }
        if (row.ContentHash != message.ContentHash)
        {
            if (run.Wrote)
                await HandBackAsync(row, run, cancellationToken);
            logger.LogInformation("Message for {ArticleId} is about older content; the newer drop has its own message", message.Id);
            return StageOutcome.Skipped;
        }
        if (row.Status == ArticleStatus.Extracted)
        {
            logger.LogInformation("Article {ArticleId} already extracted; duplicate message ignored", message.Id);
            return StageOutcome.Skipped;
        }
        if (row.Status == ArticleStatus.Failed && row.ErrorStage == PipelineStage.Clean)
            return StageOutcome.Skipped;

        try
        {
            return await ExtractAsync(row, run, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or StatusRowChangedException))
        {
            // Transient: record why, then let the queue retry (dequeue count is the outer bound; the poison handler
            // turns the last failure into a visible 'failed' status).
            await articles.RecordTransientErrorAsync(message.Id, message.ContentHash, e, run.DequeueCount, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// This delivery wrote rows for content the article no longer holds (its blob was overwritten while it ran), and
    /// some may have landed after the newer content's own: it takes its copy row out of a story the article is not in,
    /// and gives the newer content back to the queue, marked cleaned (which also makes a run of it still in flight
    /// find the row changed and decide again), so it is extracted again after these writes. A failed newer content has
    /// its results cleared again; one still being cleaned sends its own pointer, after them.
    /// </summary>
    private async Task HandBackAsync(ArticleRow current, Run run, CancellationToken cancellationToken)
    {
        if (run.CopyIn is { } story && story != current.StoryId)
            await stories.RemoveCopyAsync(story, current.PartitionKey, cancellationToken);
        if (current.Status is ArticleStatus.Cleaned or ArticleStatus.Extracted && current.CleanBlob is not null)
        {
            current.Status = ArticleStatus.Cleaned;
            current.ExtractedAt = null;
            await resilience.ExecuteAsync(async ct =>
            {
                await articles.SaveAsync(current, ct);
                await storage.ExtractQueue.SendMessageAsync(ExtractMessage.For(current).ToJson(), ct);
            }, cancellationToken);
            logger.LogWarning("Article {ArticleId} was overwritten while older content was extracted; its current content is extracted again", current.PartitionKey);
        }
        else if (current.Status == ArticleStatus.Failed)
        {
            await results.ClearAsync(current, cancellationToken);
        }
    }

    private async Task<StageOutcome> ExtractAsync(ArticleRow row, Run run, CancellationToken cancellationToken)
    {
        var message = run.Message;
        var started = Stopwatch.GetTimestamp();
        CleanArticle? article;
        try
        {
            var content = await storage.Clean.GetBlobClient(message.CleanBlob).DownloadContentAsync(cancellationToken);
            if (CleanBlobMetadata.IsOtherThan(content.Value.Details.Metadata, message.ContentHash))
            {
                // Overwritten since the row was read: the newer content's clean stage has moved the row on, and sends its own pointer.
                logger.LogInformation("The clean article of {ArticleId} holds newer content; message about older content dropped", message.Id);
                return StageOutcome.Skipped;
            }
            article = JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, IngestionJsonContext.Default.CleanArticle);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return await FailAsync(row, run, "CleanBlobMissing", $"the clean article '{message.CleanBlob}' is missing; reprocess the article", cancellationToken);
        }
        catch (JsonException e)
        {
            return await FailAsync(row, run, "CleanBlobCorrupt", "the clean article is not valid JSON: " + e.Message, cancellationToken);
        }
        if (article is null)
            return await FailAsync(row, run, "CleanBlobCorrupt", "the clean article is empty", cancellationToken);

        ArticleAnalysis analysis;
        try
        {
            analysis = await TimeBudget.RunAsync(() => analyzer.Analyze(article), options.Value.StageTimeBudget, "extraction", cancellationToken);
        }
        catch (Core.Input.ArticleRejectedException e)
        {
            return await FailAsync(row, run, e.Kind.ToString(), e.Message, cancellationToken);
        }

        // The story first (its choice is recorded on the status row, still 'cleaned'), then the version, which names it.
        var sketch = StorySketch.Of(article);
        run.Wrote = true;
        await resilience.ExecuteAsync(async ct =>
        {
            run.CopyIn = (await stories.AssignAsync(row, sketch, r => articles.SaveAsync(r, ct), ct))?.StoryId;
            await versions.RecordAsync(row, article, analysis, ct);
        }, cancellationToken);

        row.Status = ArticleStatus.Extracted;
        row.EntityCount = analysis.Entities.Count;
        row.QuoteCount = analysis.Quotes.Count;
        row.Partial = analysis.Partial;
        row.ExtractedAt = DateTimeOffset.UtcNow;
        row.ExtractMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        row.Attempts = (int)Math.Max(row.Attempts, run.DequeueCount);
        row.LastError = null;

        // Result rows first, status last: 'extracted' is only ever visible with its rows in place. The status write is
        // guarded by the row's ETag, so it never lands on a row that has moved on to newer content meanwhile.
        await resilience.ExecuteAsync(async ct =>
        {
            await results.ReplaceAsync(row, analysis, ct);
            await articles.SaveAsync(row, ct);
        }, cancellationToken);
        logger.LogInformation("Extracted {ArticleId}: {Entities} entities, {Quotes} quotes in {ExtractMs:0.0} ms; story {StoryId}, copy of {DuplicateOf}",
            row.PartitionKey, row.EntityCount, row.QuoteCount, row.ExtractMs, row.StoryId, row.DuplicateOf ?? "none");
        return StageOutcome.Done;
    }

    /// <summary>The content holds no article to extract: the row as read is marked failed (its earlier results removed).</summary>
    private async Task<StageOutcome> FailAsync(ArticleRow row, Run run, string kind, string reason, CancellationToken cancellationToken)
    {
        run.Wrote = true;
        await articles.FailAsync(row, PipelineStage.Extract, kind, reason, cancellationToken);
        return StageOutcome.Rejected;
    }
}
