using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Pipeline.Stages;

/// <summary>
/// The safety net behind the triggers. Blob triggers are at-least-once only while their own bookkeeping survives:
/// an Event Grid event dropped after its retries, or a polling-scan message lost in a storage outage, leaves a
/// dropped blob that no trigger will ever deliver. The reconciler lists the drop container and re-runs the
/// (idempotent) clean stage for every blob older than <see cref="PipelineOptions.ReconcileAfter"/> that has no
/// status row, or whose row is stuck in received/cleaned. Found by `ingest chaos --scenario azurite-restart`.
/// </summary>
public sealed class Reconciler(PipelineStorage storage, CleanStage clean, IOptions<PipelineOptions> options, ILogger<Reconciler> logger)
{
    public sealed record Report(int Blobs, int Missing, int Stuck, int Recovered);

    /// <param name="prefix">Only blobs under this virtual folder (null: the whole drop container).</param>
    public async Task<Report> RunAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var cutoff = DateTimeOffset.UtcNow - options.Value.ReconcileAfter;
        var rows = new Dictionary<string, (string Status, DateTimeOffset? Updated)>(StringComparer.Ordinal);
        await foreach (var row in storage.Articles.QueryAsync<TableEntity>(select: ["PartitionKey", "Status", "Timestamp"], cancellationToken: cancellationToken))
            rows[row.PartitionKey] = (row.GetString("Status") ?? "", row.Timestamp);

        int blobs = 0, missing = 0, stuck = 0, recovered = 0;
        await foreach (var blob in storage.Drop.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            blobs++;
            if (blob.Properties.LastModified is not { } modified || modified > cutoff)
                continue; // a trigger may still be on its way
            var id = ArticleIdentity.IdFromName(blob.Name);
            if (!rows.TryGetValue(id, out var row))
                missing++;
            else if (row.Status is ArticleStatus.Received or ArticleStatus.Cleaned && row.Updated < cutoff)
                stuck++;
            else
                continue;

            try
            {
                var outcome = await clean.HandleAsync(blob.Name, cancellationToken: cancellationToken);
                if (outcome is StageOutcome.Done or StageOutcome.Resumed or StageOutcome.Rejected) recovered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reconciling {BlobName} failed; the next run tries again", blob.Name);
            }
        }
        logger.LogDebug("Reconciler checked {Blobs} blobs older than {Cutoff:O}", blobs, cutoff);
        if (missing + stuck > 0)
            logger.LogWarning("Reconciler: {Missing} dropped blobs had no status, {Stuck} were stuck; {Recovered} re-run through the clean stage", missing, stuck, recovered);
        return new Report(blobs, missing, stuck, recovered);
    }
}
