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

        var row = await articles.GetAsync(message.Id, cancellationToken);
        if (row is null)
        {
            await articles.MarkFailedAsync(message.Id, message.Name, PipelineStage.Extract, "StatusRowMissing", "the article's status row was missing when extraction started", cancellationToken);
            return StageOutcome.Rejected;
        }
        if (row.ContentHash != message.ContentHash)
        {
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
            return await ExtractAsync(row, message, dequeueCount, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Transient: record why, then let the queue retry (dequeue count is the outer bound; the poison handler
            // turns the last failure into a visible 'failed' status).
            await articles.RecordTransientErrorAsync(message.Id, message.ContentHash, e, dequeueCount, cancellationToken);
            throw;
        }
    }

    private async Task<StageOutcome> ExtractAsync(ArticleRow row, ExtractMessage message, long dequeueCount, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        CleanArticle? article;
        try
        {
            var content = await storage.Clean.GetBlobClient(message.CleanBlob).DownloadContentAsync(cancellationToken);
            article = JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, IngestionJsonContext.Default.CleanArticle);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            await articles.MarkFailedAsync(row.PartitionKey, row.Name, PipelineStage.Extract, "CleanBlobMissing", $"the clean article '{message.CleanBlob}' is missing; reprocess the article", cancellationToken);
            return StageOutcome.Rejected;
        }
        catch (JsonException e)
        {
            await articles.MarkFailedAsync(row.PartitionKey, row.Name, PipelineStage.Extract, "CleanBlobCorrupt", "the clean article is not valid JSON: " + e.Message, cancellationToken);
            return StageOutcome.Rejected;
        }
        if (article is null)
        {
            await articles.MarkFailedAsync(row.PartitionKey, row.Name, PipelineStage.Extract, "CleanBlobCorrupt", "the clean article is empty", cancellationToken);
            return StageOutcome.Rejected;
        }

        ArticleAnalysis analysis;
        try
        {
            analysis = await TimeBudget.RunAsync(() => analyzer.Analyze(article), options.Value.StageTimeBudget, "extraction", cancellationToken);
        }
        catch (Core.Input.ArticleRejectedException e)
        {
            await articles.MarkFailedAsync(row.PartitionKey, row.Name, PipelineStage.Extract, e.Kind.ToString(), e.Message, cancellationToken);
            return StageOutcome.Rejected;
        }

        // The story first (its choice is recorded on the status row, still 'cleaned'), then the version, which names it.
        var sketch = StorySketch.Of(article);
        await resilience.ExecuteAsync(async ct =>
        {
            await stories.AssignAsync(row, sketch, r => articles.SaveAsync(r, ct), ct);
            await versions.RecordAsync(row, article, analysis, ct);
        }, cancellationToken);

        row.Status = ArticleStatus.Extracted;
        row.EntityCount = analysis.Entities.Count;
        row.QuoteCount = analysis.Quotes.Count;
        row.Partial = analysis.Partial;
        row.ExtractedAt = DateTimeOffset.UtcNow;
        row.ExtractMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        row.Attempts = (int)Math.Max(row.Attempts, dequeueCount);
        row.LastError = null;

        // Result rows first, status last: 'extracted' is only ever visible with its rows in place.
        await resilience.ExecuteAsync(async ct =>
        {
            await results.ReplaceAsync(row, analysis, ct);
            await articles.SaveAsync(row, ct);
        }, cancellationToken);
        logger.LogInformation("Extracted {ArticleId}: {Entities} entities, {Quotes} quotes in {ExtractMs:0.0} ms; story {StoryId}, copy of {DuplicateOf}",
            row.PartitionKey, row.EntityCount, row.QuoteCount, row.ExtractMs, row.StoryId, row.DuplicateOf ?? "none");
        return StageOutcome.Done;
    }
}
