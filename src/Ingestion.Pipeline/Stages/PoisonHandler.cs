using Ingestion.Core.Input;
using Ingestion.Pipeline.Results;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Ingestion.Pipeline.Stages;

/// <summary>
/// Turns messages that ended in a poison queue into a visible 'failed' status with the reason, so no article is
/// ever stuck without one.
/// </summary>
public sealed class PoisonHandler(ArticleRepository articles, ILogger<PoisonHandler> logger)
{
    /// <summary>A message from <c>articles-extract-poison</c>: extraction failed on every delivery.</summary>
    public async Task HandleExtractPoisonAsync(string messageBody, CancellationToken cancellationToken = default)
    {
        var message = ExtractMessage.TryParse(messageBody);
        if (message is null)
        {
            logger.LogError("Unreadable message in {Queue}: {Preview}", StorageNames.ExtractPoisonQueue, Preview(messageBody));
            return;
        }
        await articles.DecideAsync(message.Id, async (row, _) =>
        {
            if (row is not null && (row.ContentHash != message.ContentHash || row.Status == ArticleStatus.Extracted))
                return false; // superseded by newer content, or a later delivery succeeded
            var reason = row?.LastError is { } last ? "extraction failed on every attempt; last error: " + last : "extraction failed on every attempt";
            await articles.MarkFailedAsync(row, message.Id, message.Name, PipelineStage.Extract, "Poisoned", reason, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>A message from <c>webjobs-blobtrigger-poison</c>: the clean function failed on a blob five times.</summary>
    public async Task HandleBlobPoisonAsync(string messageBody, CancellationToken cancellationToken = default)
    {
        var message = BlobTriggerPoisonMessage.TryParse(messageBody);
        if (message?.BlobName is not { Length: > 0 } name || message.ContainerName != StorageNames.DropContainer)
        {
            logger.LogError("Unreadable or foreign message in {Queue}: {Preview}", StorageNames.BlobTriggerPoisonQueue, Preview(messageBody));
            return;
        }
        var id = ArticleIdentity.IdFromName(name);
        await articles.DecideAsync(id, async (row, _) =>
        {
            if (row is { Status: ArticleStatus.Extracted or ArticleStatus.Cleaned })
                return false;
            var reason = row?.LastError is { } last ? "cleaning failed on every attempt; last error: " + last : "cleaning failed on every attempt";
            await articles.MarkFailedAsync(row, id, name, PipelineStage.Clean, "Poisoned", reason, cancellationToken);
            return true;
        }, cancellationToken);
    }

    private static string Preview(string s) => s.Length > 200 ? s[..200] : s;
}
