using System.Collections.Concurrent;
using Azure.Data.Tables;
using Ingestion.Core.Input;
using Ingestion.Pipeline.Storage;

namespace Ingestion.Cli.Harness;

/// <summary>Drops a run's articles and follows their status rows until each is extracted or failed.</summary>
internal sealed class Tracker(PipelineStorage storage)
{
    public sealed record Dropped(string Id, string Name, DateTimeOffset UploadedAt);

    public sealed record Final(string Id, string Status, DateTimeOffset? CleanStartedAt, DateTimeOffset? ExtractedAt, DateTimeOffset? FailedAt, int EntityCount, int QuoteCount, string? ErrorKind);

    public ConcurrentDictionary<string, Dropped> DroppedArticles { get; } = new();

    /// <summary><paramref name="count"/> blobs named <c>{prefix}/{i}-{file}</c>, cycling through the sources.</summary>
    public static List<(string Name, byte[] Bytes)> Cycle(string prefix, IReadOnlyList<(string Name, byte[] Bytes)> sources, int count) =>
        [.. Enumerable.Range(0, count).Select(i => ($"{prefix}/{i:D6}-{sources[i % sources.Count].Name}", sources[i % sources.Count].Bytes))];

    /// <summary>Uploads the blobs into the drop container, <paramref name="parallelism"/> at a time, optionally at a steady rate.</summary>
    public async Task DropAsync(IReadOnlyList<(string Name, byte[] Bytes)> blobs, int parallelism, double? perSecond, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, blobs.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            if (perSecond is { } rate)
            {
                var due = started + TimeSpan.FromSeconds(i / rate);
                if (due > DateTime.UtcNow) await Task.Delay(due - DateTime.UtcNow, ct);
            }
            var (name, bytes) = blobs[i];
            await RetryAsync(() => storage.Drop.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true, ct), ct);
            var id = ArticleIdentity.IdFromName(name);
            DroppedArticles[id] = new Dropped(id, name, DateTimeOffset.UtcNow);
        });
    }

    private static readonly string[] TrackedColumns =
        ["PartitionKey", "Status", "CleanStartedAt", "ExtractedAt", "FailedAt", "EntityCount", "QuoteCount", "ErrorKind"];

    private readonly Dictionary<string, Final> _finals = [];
    private DateTimeOffset? _changedSince;

    /// <summary>
    /// Reads the status rows of the run's articles. Incremental unless <paramref name="full"/>: only rows written
    /// since the previous read (with a margin), and only the columns the report needs, so that following a run
    /// costs the storage under test little (a full scan every second was measurable next to the pipeline).
    /// </summary>
    public async Task<Dictionary<string, Final>> ReadAsync(CancellationToken cancellationToken, bool full = false)
    {
        var started = DateTimeOffset.UtcNow;
        var filter = full || _changedSince is null ? null : TableClient.CreateQueryFilter($"Timestamp ge {_changedSince.Value.AddSeconds(-5)}");
        await foreach (var row in storage.Articles.QueryAsync<ArticleRow>(filter, select: TrackedColumns, cancellationToken: cancellationToken))
            if (DroppedArticles.ContainsKey(row.PartitionKey))
                _finals[row.PartitionKey] = new Final(row.PartitionKey, row.Status, row.CleanStartedAt, row.ExtractedAt, row.FailedAt, row.EntityCount, row.QuoteCount, row.ErrorKind);
        _changedSince = started;
        return new Dictionary<string, Final>(_finals);
    }

    public static bool IsDone(Final f) => f.Status is ArticleStatus.Extracted or ArticleStatus.Failed;

    /// <summary>
    /// Counts result rows per article and compares them with the status row: more rows than the analysis found
    /// means a duplicate; an extracted article whose rows are missing means a loss.
    /// </summary>
    public async Task<(int Duplicated, int MissingRows)> VerifyRowsAsync(IReadOnlyDictionary<string, Final> finals, CancellationToken cancellationToken)
    {
        int duplicated = 0, missing = 0;
        var entityCounts = await CountByPartitionAsync(storage.Entities, cancellationToken);
        var quoteCounts = await CountByPartitionAsync(storage.Quotes, cancellationToken);
        foreach (var f in finals.Values.Where(f => f.Status == ArticleStatus.Extracted))
        {
            var e = entityCounts.GetValueOrDefault(f.Id);
            var q = quoteCounts.GetValueOrDefault(f.Id);
            if (e > f.EntityCount || q > f.QuoteCount) duplicated++;
            else if (e < f.EntityCount || q < f.QuoteCount) missing++;
        }
        return (duplicated, missing);
    }

    private async Task<Dictionary<string, int>> CountByPartitionAsync(TableClient table, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
            if (DroppedArticles.ContainsKey(row.PartitionKey))
                counts[row.PartitionKey] = counts.GetValueOrDefault(row.PartitionKey) + 1;
        return counts;
    }

    /// <summary>The harness itself must survive a storage outage it causes: retry its own calls patiently.</summary>
    public static async Task RetryAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException && attempt < 120)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        T result = default!;
        await RetryAsync(async () => { result = await call(); }, cancellationToken);
        return result;
    }
}
