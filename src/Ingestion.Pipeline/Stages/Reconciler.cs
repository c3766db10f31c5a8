using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.Pipeline.Stages;

/// <summary>
/// The safety net behind the triggers. Blob triggers are at-least-once only while their own bookkeeping survives:
/// an Event Grid event dropped after its retries, a polling-scan message lost in a storage outage, or a blob the
/// WebJobs container scan passes over (it does, see <c>StandaloneHost.StandaloneDefaults</c>) leaves a dropped
/// blob that no trigger will ever deliver. The reconciler lists the drop container and runs the (idempotent) clean
/// stage for every blob older than <see cref="PipelineOptions.ReconcileAfter"/> that has no status row, or whose
/// row is stuck in received/cleaned for longer than <see cref="PipelineOptions.ReconcileStuckAfter"/>, several at
/// a time. Found by `ingest chaos --scenario azurite-restart` and `ingest load`.
/// </summary>
public sealed class Reconciler(PipelineStorage storage, CleanStage clean, IOptions<PipelineOptions> options, ILogger<Reconciler> logger)
{
    public sealed record Report(int Blobs, int Missing, int Stuck, int Recovered);

    /// <param name="prefix">Only blobs under this virtual folder (null: the whole drop container).</param>
    public async Task<Report> RunAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var missingCutoff = now - options.Value.ReconcileAfter;
        var stuckCutoff = now - options.Value.ReconcileStuckAfter;
        var rows = new Dictionary<string, (string Status, DateTimeOffset? Updated)>(StringComparer.Ordinal);
        await foreach (var row in storage.Articles.QueryAsync<TableEntity>(select: ["PartitionKey", "Status", "Timestamp"], cancellationToken: cancellationToken))
            rows[row.PartitionKey] = (row.GetString("Status") ?? "", row.Timestamp);

        int blobs = 0, missing = 0, stuck = 0;
        var rerun = new List<string>();
        await foreach (var blob in storage.Drop.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            blobs++;
            if (blob.Properties.LastModified is not { } modified || modified > missingCutoff)
                continue; // a trigger may still be on its way
            if (!rows.TryGetValue(ArticleIdentity.IdFromName(blob.Name), out var row))
                missing++;
            else if (row.Status is ArticleStatus.Received or ArticleStatus.Cleaned && row.Updated < stuckCutoff)
                stuck++;
            else
                continue;
            rerun.Add(blob.Name);
        }

        var recovered = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ReconcileParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(rerun, parallel, async (name, ct) =>
        {
            try
            {
                var outcome = await clean.HandleAsync(name, cancellationToken: ct);
                if (outcome is StageOutcome.Done or StageOutcome.Resumed or StageOutcome.Rejected) Interlocked.Increment(ref recovered);
            }
            // A storage timeout can surface as an OperationCanceledException too: only our own cancellation stops the run.
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reconciling {BlobName} failed; the next run tries again", name);
            }
        });
        logger.LogDebug("Reconciler checked {Blobs} blobs older than {Cutoff:O}", blobs, missingCutoff);
        if (missing + stuck > 0)
            logger.LogWarning("Reconciler: {Missing} dropped blobs had no status, {Stuck} were stuck; {Recovered} re-run through the clean stage", missing, stuck, recovered);
        return new Report(blobs, missing, stuck, recovered);
    }
}
