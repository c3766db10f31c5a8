using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Ingestion.Core.Cleaning;
using Ingestion.Core.Input;
using Ingestion.Core.Json;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Pipeline.Stages;

/// <summary>
/// The blob stage: a dropped article → a clean article JSON in <c>articles-clean</c>, a status row, and a pointer
/// message for the extract stage. Idempotent: a replay of the same content finishes what a crashed run left, and
/// never duplicates rows.
/// </summary>
public sealed class CleanStage(
    PipelineStorage storage,
    ArticleRepository articles,
    IArticleCleaner cleaner,
    StorageWriteResilience resilience,
    IOptions<PipelineOptions> options,
    ILogger<CleanStage> logger)
{
    /// <summary>Handles the blob <paramref name="name"/> (path inside the drop container), reading it from storage.</summary>
    public async Task<StageOutcome> HandleAsync(string name, bool force = false, CancellationToken cancellationToken = default)
    {
        var blob = storage.Drop.GetBlobClient(name);
        var id = ArticleIdentity.IdFromName(name);
        using var activity = PipelineTelemetry.StartStage("clean", id);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ArticleId"] = id, ["BlobName"] = name });

        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Deleted between the drop and now: nothing to process, and nothing was ever recorded but maybe "received".
            logger.LogInformation("Blob {BlobName} is gone before cleaning; nothing to do", name);
            return await articles.DecideAsync(id, async (existing, _) =>
            {
                if (existing is not null && existing.Status != ArticleStatus.Extracted)
                    await articles.FailAsync(existing, PipelineStage.Clean, "BlobDeleted", "the blob was deleted before it could be cleaned", cancellationToken);
                return StageOutcome.Skipped;
            }, cancellationToken);
        }

        var limit = options.Value.MaxArticleBytes;
        if (properties.ContentLength > limit)
        {
            return await articles.DecideAsync(id, async (existing, _) =>
            {
                var row = await StartAsync(existing, id, name, properties.ContentLength, contentHash: null, cancellationToken);
                return await RejectAsync(row, new ArticleRejectedException(RejectionKind.TooLarge, $"{properties.ContentLength:N0} bytes exceed the limit of {limit:N0} bytes"), cancellationToken);
            }, cancellationToken);
        }

        var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        return await HandleAsync(name, content.ToMemory(), force, cancellationToken);
    }

    /// <summary>Handles an article whose bytes the trigger already bound.</summary>
    public async Task<StageOutcome> HandleAsync(string name, ReadOnlyMemory<byte> content, bool force = false, CancellationToken cancellationToken = default)
    {
        var id = ArticleIdentity.IdFromName(name);
        var hash = ArticleIdentity.ContentHash(content.Span);
        // Decided on the row as read; a write that finds it changed (another run of this article) decides again.
        return await articles.DecideAsync(id, (existing, _) => DecideAsync(existing, id, name, hash, content, force, cancellationToken), cancellationToken);
    }

    private async Task<StageOutcome> DecideAsync(ArticleRow? existing, string id, string name, string hash, ReadOnlyMemory<byte> content, bool force, CancellationToken cancellationToken)
    {
        if (!force && existing is not null && existing.ContentHash == hash)
        {
            switch (existing.Status)
            {
                case ArticleStatus.Extracted:
                    logger.LogInformation("Article {ArticleId} already extracted with this content; replay ignored", id);
                    return StageOutcome.Skipped;
                case ArticleStatus.Failed when existing.ErrorStage == PipelineStage.Clean && existing.ErrorKind is not "Transient":
                    return StageOutcome.Skipped;
                case ArticleStatus.Cleaned when existing.CleanBlob is not null:
                    // A crash may have come between the status write and the enqueue: send the pointer again.
                    // The extract stage is idempotent, so a duplicate message is harmless.
                    await EnqueueAsync(existing, cancellationToken);
                    return StageOutcome.Resumed;
            }
        }

        var row = await StartAsync(existing, id, name, content.Length, hash, cancellationToken);
        try
        {
            return await CleanAsync(row, name, content, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ArticleRejectedException or StatusRowChangedException))
        {
            // Transient: the blob trigger retries (5 times, then its poison queue, whose handler reports this error).
            await articles.RecordTransientErrorAsync(id, hash, e, row.Attempts, cancellationToken);
            throw;
        }
    }

    private async Task<StageOutcome> CleanAsync(ArticleRow row, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var id = row.PartitionKey;
        var started = Stopwatch.GetTimestamp();
        Core.Model.CleanArticle article;
        try
        {
            var input = ArticleInput.Decode(name, content.Span, options.Value.MaxArticleBytes);
            article = await TimeBudget.RunAsync(() => cleaner.Clean(input), options.Value.StageTimeBudget, "cleaning", cancellationToken);
        }
        catch (ArticleRejectedException e)
        {
            return await RejectAsync(row, e, cancellationToken);
        }

        var cleanBlobName = StorageNames.CleanBlobName(id);
        var json = JsonSerializer.SerializeToUtf8Bytes(article, IngestionJson.Options);
        row.Status = ArticleStatus.Cleaned;
        row.CleanBlob = cleanBlobName;
        row.Format = article.Format.ToString().ToLowerInvariant();
        row.Title = article.Title;
        row.Published = article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        row.Language = article.Language;
        row.Fallback = article.Fallback;
        row.CleanedAt = DateTimeOffset.UtcNow;
        row.CleanMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        row.ErrorStage = row.ErrorKind = row.ErrorMessage = row.LastError = null;
        row.ExtractedAt = null;
        row.FailedAt = null;

        // Clean blob, status row and pointer message are written as one retried unit: each write is idempotent.
        await resilience.ExecuteAsync(async ct =>
        {
            await storage.Clean.GetBlobClient(cleanBlobName).UploadAsync(new BinaryData(json), CleanBlobMetadata.Options(row.ContentHash!), ct);
            await articles.SaveAsync(row, ct);
            await EnqueueAsync(row, ct);
        }, cancellationToken);
        logger.LogInformation("Cleaned {ArticleId} ({Title}) in {CleanMs:0.0} ms", id, row.Title, row.CleanMs);
        return StageOutcome.Done;
    }

    private async Task<ArticleRow> StartAsync(ArticleRow? existing, string id, string name, long size, string? contentHash, CancellationToken cancellationToken)
    {
        var sameContent = existing is not null && existing.ContentHash == contentHash;
        var row = existing ?? new ArticleRow { PartitionKey = id };
        row.Name = name;
        row.SizeBytes = size;
        row.ContentHash = contentHash;
        row.Status = ArticleStatus.Received;
        row.ReceivedAt = sameContent ? row.ReceivedAt ?? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow;
        row.CleanStartedAt = DateTimeOffset.UtcNow;
        row.Attempts = sameContent ? row.Attempts + 1 : 1;
        // The trace id is the correlation id: logs, the status row, the queue message and the extract span share it.
        row.CorrelationId = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
        await articles.SaveAsync(row, cancellationToken);
        return row;
    }

    private async Task<StageOutcome> RejectAsync(ArticleRow row, ArticleRejectedException e, CancellationToken cancellationToken)
    {
        logger.LogWarning("Article {ArticleId} ({BlobName}) rejected: {Kind}: {Reason}", row.PartitionKey, row.Name, e.Kind, e.Message);
        await articles.FailAsync(row, PipelineStage.Clean, e.Kind.ToString(), e.Message, cancellationToken);
        return StageOutcome.Rejected;
    }

    private async Task EnqueueAsync(ArticleRow row, CancellationToken cancellationToken)
    {
        await storage.ExtractQueue.SendMessageAsync(ExtractMessage.For(row).ToJson(), cancellationToken);
    }
}

/// <summary>What a stage did with its input; hosts log it, tests assert it.</summary>
public enum StageOutcome
{
    /// <summary>The stage ran and wrote its results.</summary>
    Done,
    /// <summary>A replay found the work already done and only finished what was missing.</summary>
    Resumed,
    /// <summary>Nothing to do: already done, stale, or the input is gone.</summary>
    Skipped,
    /// <summary>The input holds no article; the status row says why.</summary>
    Rejected,
}
